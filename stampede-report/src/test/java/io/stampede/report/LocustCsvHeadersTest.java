package io.stampede.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The four CSV headers, letter for letter as Locust 2.44+ writes them: spreadsheets and dashboards
 * built on Locust's files look columns up by these names.
 */
class LocustCsvHeadersTest {
    private static String line(java.util.List<String> header) {
        return Csv.row(header).strip();
    }

    @Test
    void statsAndHistoryHaveLocustsColumns() {
        assertThat(line(LocustCsv.STATS_HEADER)).isEqualTo("Type,Name,Request Count,Failure Count,Median Response Time,"
                + "Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
                + "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%");
        assertThat(line(LocustCsv.HISTORY_HEADER)).isEqualTo("Timestamp,User Count,Type,Name,Requests/s,Failures/s,"
                + "50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,"
                + "Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,"
                + "Total Average Content Size");
    }

    @Test
    void failuresAndExceptionsHaveLocustsColumns() {
        assertThat(line(LocustCsv.FAILURES_HEADER)).isEqualTo("Method,Name,Error,Occurrences,First Seen,Last Seen");
        assertThat(line(LocustCsv.EXCEPTIONS_HEADER)).isEqualTo("Count,Message,Traceback,Nodes");
    }
}
