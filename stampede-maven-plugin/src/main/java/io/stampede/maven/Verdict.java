package io.stampede.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The build's verdict on a run, from its exit code and the JUnit XML it wrote: a failed threshold,
 * check or request is a build failure naming each; bad flags or an unreachable target are an
 * execution error with the command's own line.
 */
final class Verdict {
    // the command's exit codes (stampede-cli ExitCodes; that class needs Java 21, this one runs on Maven's Java)
    static final int OK = 0;
    static final int REQUESTS_FAILED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final int THRESHOLD_FAILED = 4;

    private Verdict() {
    }

    static void judge(String scenario, Forked.Result run, Path dir, boolean failOnChecks)
            throws MojoExecutionException, MojoFailureException {
        int code = run.exitCode();
        if (code == USAGE || code == UNREACHABLE) {
            throw new MojoExecutionException(run.errorLine() != null ? run.errorLine() : "stampede exited with code " + code);
        }
        if (code != OK && code != REQUESTS_FAILED && code != THRESHOLD_FAILED) {
            throw new MojoExecutionException("stampede exited with code " + code
                    + (run.errorLine() != null ? ": " + run.errorLine() : ""));
        }
        List<String> problems = new ArrayList<>();
        Path xml = dir.resolve("junit.xml");
        for (String[] f : failures(xml)) {
            if (f[0].equals("threshold") || failOnChecks) {
                problems.add(f[0] + " " + f[1] + ": " + f[2]);
            }
        }
        if (code == REQUESTS_FAILED) {
            problems.add("requests failed (exit code 1): see " + dir.resolve("stampede_failures.csv"));
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException("load test " + scenario + " failed (exit code " + code + "; files in " + dir + "):\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Each failed test case of the JUnit XML as {type, name, message}: ("threshold", "p95<500ms", "was 612.0ms"). */
    static List<String[]> failures(Path xml) throws MojoExecutionException {
        List<String[]> out = new ArrayList<>();
        if (!Files.exists(xml)) {
            return out;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList cases = factory.newDocumentBuilder().parse(xml.toFile()).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                NodeList failure = testCase.getElementsByTagName("failure");
                if (failure.getLength() > 0) {
                    Element f = (Element) failure.item(0);
                    out.add(new String[] {f.getAttribute("type"), testCase.getAttribute("name"), f.getAttribute("message")});
                }
            }
        } catch (Exception e) {
            throw new MojoExecutionException("stampede: cannot read " + xml + ": " + e.getMessage(), e);
        }
        return out;
    }
}
