#!/usr/bin/env python3
"""Stampede's benchmark harness: run by hand, never by CI (see bench/README.md).

It starts the reference target (nginx, one worker, pinned to core 0) and runs, in the same
invocation, wrk, Locust (FastHttpUser) and Stampede pinned to core 1 against it, repeats each run and
prints medians, with Stampede's figures as ratios to wrk's from the same invocation: the machine is
noisy, so only ratios from one run compare.

    bench/run.py throughput [--seconds 15] [--repeat 3] [--users 50]
    bench/run.py latency    [--seconds 15] [--repeat 3]
    bench/run.py population [--users 250000] [--seconds 300] [--max-connections 2000]
    bench/run.py startup    [--repeat 5]
    bench/run.py idle       [--users 5000] [--seconds 40]
    bench/run.py transports [--seconds 15] [--repeat 3] [--users 50]   the transport candidates alone
    bench/run.py cluster-attach     [--workers 500] [--seconds 30]   500 worker agents on one master process: attach time, master CPU
    bench/run.py cluster-throughput [--seconds 15] [--users 50]      1..4 worker processes, --users each: total req/s
    bench/run.py cluster-population [--users 1000000] [--workers 4] [--seconds 480] [--max-connections 2000] [--worker-heap 3g]
    bench/run.py http2      [--seconds 10] [--repeat 3] [--users 50] [--streams 1]   HTTP/2 candidates, h2load, --http2
    bench/run.py all        every table above, in that order, with their defaults (about 30 minutes)
"""
import argparse
import csv
import glob
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
CLI_JAR = os.path.join(ROOT, "stampede-cli", "target", "stampede.jar")
TARGET_CORE = "0"
GENERATOR_CORE = "1"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def ensure_tools():
    need = [p for p, probe in [("nginx", "/usr/sbin/nginx"), ("wrk", "/usr/bin/wrk"),
                               ("python3-locust", "/usr/bin/locust"),
                               ("libnginx-mod-http-echo", "/usr/lib/nginx/modules/ngx_http_echo_module.so")]
            if not os.path.exists(probe)]
    if need:
        log("installing " + " ".join(need))
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq"] + need, check=True)


def find_jdk():
    best, best_v = None, 0
    for home in glob.glob("/usr/lib/jvm/*"):
        java = os.path.join(home, "bin", "java")
        if not os.path.exists(os.path.join(home, "bin", "javac")):
            continue
        out = subprocess.run([java, "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
        m = re.search(r"java.specification.version = (\d+)", out)
        if m and int(m.group(1)) >= 21 and int(m.group(1)) > best_v:
            best, best_v = java, int(m.group(1))
    if not best:
        sys.exit("bench: no JDK 21+ under /usr/lib/jvm")
    return best


def ensure_jar():
    if not os.path.exists(CLI_JAR):
        subprocess.run(["./mvnw", "-B", "-q", "-DskipTests", "install", "-pl", "stampede-cli", "-am"], cwd=ROOT, check=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    def __init__(self, conf_name="nginx.conf"):
        self.dir = tempfile.mkdtemp(prefix="stampede-bench-nginx-")
        os.makedirs(os.path.join(self.dir, "tmp"))
        self.port = free_port()
        conf = open(os.path.join(BENCH, conf_name)).read()
        if "__TLS_PORT__" in conf:
            # HTTP/2 over TLS: a self-signed certificate for 127.0.0.1, made for this run only
            self.tls_port, self.h2c_port = free_port(), free_port()
            subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                            "-nodes", "-days", "2", "-subj", "/CN=localhost",
                            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                            "-keyout", os.path.join(self.dir, "key.pem"), "-out", os.path.join(self.dir, "cert.pem")],
                           check=True, capture_output=True)
            conf = conf.replace("__TLS_PORT__", str(self.tls_port)).replace("__H2C_PORT__", str(self.h2c_port))
        conf = conf.replace("__DIR__", self.dir).replace("__PORT__", str(self.port))
        self.conf = os.path.join(self.dir, "nginx.conf")
        open(self.conf, "w").write(conf)
        self.proc = subprocess.Popen(["taskset", "-c", TARGET_CORE, "nginx", "-c", self.conf, "-p", self.dir])
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("bench: nginx did not start; see " + self.dir)

    def url(self, path=""):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def requests_served(self):
        """nginx's own count of requests handled so far (stub_status), not counting this one."""
        import urllib.request
        body = urllib.request.urlopen(self.url("/nginx_status"), timeout=10).read().decode()
        return int(body.split("\n")[2].split()[2]) - 1

    def stop(self):
        self.proc.send_signal(signal.SIGQUIT)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def timed(cmd, env=None, cwd=None, timeout=None, pin=True):
    """Runs cmd (on the generator core when pin); returns (stdout, cpu_seconds, max_rss_kb, wall)."""
    tf = tempfile.NamedTemporaryFile(delete=False)
    tf.close()
    full = ["/usr/bin/time", "-o", tf.name, "-f", "%e %U %S %M"] + (["taskset", "-c", GENERATOR_CORE] if pin else []) + cmd
    p = subprocess.run(full, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)
    wall, user, sys_, rss = open(tf.name).read().split()[-4:]
    os.unlink(tf.name)
    if p.returncode not in (0, 1):
        log("command failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr[-2000:]))
    return p.stdout + p.stderr, float(user) + float(sys_), int(rss), float(wall)


def ms(value):
    m = re.match(r"([\d.]+)(us|ms|s)", value)
    v = float(m.group(1))
    return {"us": v / 1000, "ms": v, "s": v * 1000}[m.group(2)]


def run_wrk(url, users, seconds):
    out, cpu, rss, _ = timed(["wrk", "-t1", "-c%d" % users, "-d%ds" % seconds, "--latency", url])
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    return {"rps": rps, "p50": p50, "p99": p99, "cpu_per_1k": cpu / total * 1000 * 1000, "rss_mb": rss / 1024}


def run_locust(url, path, users, seconds):
    d = tempfile.mkdtemp()
    env = dict(os.environ, BENCH_PATH=path)
    out, cpu, rss, _ = timed(["locust", "-f", os.path.join(BENCH, "locustfile.py"), "--headless", "-u", str(users),
                              "-r", str(users), "-t", "%ds" % seconds, "-H", url, "--only-summary",
                              "--csv", os.path.join(d, "l"), "--loglevel", "WARNING"], env=env)
    row = [r for r in csv.DictReader(open(os.path.join(d, "l_stats.csv"))) if r["Name"] == "Aggregated"][0]
    shutil.rmtree(d, ignore_errors=True)
    total = int(row["Request Count"]) or 1
    return {"rps": float(row["Requests/s"]), "p50": float(row["50%"]), "p99": float(row["99%"]),
            "cpu_per_1k": cpu / total * 1000 * 1000, "rss_mb": rss / 1024}


def run_stampede(java, url, scenario, users, seconds, extra=(), jvm=(), jar=None):
    d = tempfile.mkdtemp()
    out_json = os.path.join(d, "s.json")
    cmd = [java, "-XX:+UseParallelGC"] + list(jvm) + ["-jar", jar or CLI_JAR, "-f", os.path.join(BENCH, "scenarios", scenario),
                                                       "-H", url, "-u", str(users), "-r", str(users), "-t", "%ds" % seconds,
                                                       "--headless", "--only-summary", "--json-file", out_json] + list(extra)
    out, cpu, rss, wall = timed(cmd)
    doc = json.load(open(out_json))
    shutil.rmtree(d, ignore_errors=True)
    agg = [e for e in doc["stats"] if e["name"] == "Aggregated"][0]
    total = agg["num_requests"] or 1
    return {"rps": agg["requests_per_sec"], "p50": agg["percentiles"]["50"], "p99": agg["percentiles"]["99"],
            "cpu_per_1k": cpu / total * 1000 * 1000, "rss_mb": rss / 1024, "fails": agg["num_failures"]}


def median_of(runs):
    return {k: statistics.median(r[k] for r in runs) for k in runs[0] if isinstance(runs[0][k], (int, float))}


def table(title, rows, ref="wrk"):
    print("\n### %s\n" % title)
    print("| generator | req/s | x wrk | p50 ms | p99 ms | CPU ms / 1k req | max RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    base = rows[ref]["rps"]
    for name, r in rows.items():
        print("| %s | %.0f | %.2f | %.2f | %.2f | %.1f | %.0f |" % (
            name, r["rps"], r["rps"] / base, r["p50"], r["p99"], r["cpu_per_1k"], r["rss_mb"]))


def compare(args, path, scenario, title):
    java = find_jdk()
    nginx = Nginx()
    try:
        url = nginx.url(path)
        runs = {"wrk": [], "stampede (socket transport)": [], "stampede (jdk HttpClient)": [], "locust FastHttpUser": []}
        for i in range(args.repeat):
            log("round %d/%d" % (i + 1, args.repeat))
            runs["wrk"].append(run_wrk(url, args.users, args.seconds))
            runs["stampede (socket transport)"].append(run_stampede(java, nginx.url(), scenario, args.users, args.seconds))
            if args.baseline_jar:
                # an older build in the same rounds: "no regression" is judged against it, not a figure from another day
                runs.setdefault("stampede (baseline jar)", []).append(
                    run_stampede(java, nginx.url(), scenario, args.users, args.seconds, jar=args.baseline_jar))
            if not args.no_jdk:
                runs["stampede (jdk HttpClient)"].append(
                    run_stampede(java, nginx.url(), scenario, args.users, args.seconds, extra=["--transport", "jdk"]))
            if not args.no_locust:
                runs["locust FastHttpUser"].append(run_locust(nginx.url(), path, args.users, args.seconds))
            log("  " + ", ".join("%s %.0f req/s" % (k, v[-1]["rps"]) for k, v in runs.items() if v))
        rows = {k: median_of(v) for k, v in runs.items() if v}
        table("%s — %d users, %d s, median of %d rounds" % (title, args.users, args.seconds, args.repeat), rows)
    finally:
        nginx.stop()


def run_stampede_with_page(java, url, scenario, users, seconds, browser_core="0"):
    """A run started from the web UI while the page is open in headless Chromium, its charts
    streaming. The browser starts and settles before the run, as a person's page is open before
    they press start: what is measured is the UI's cost while it runs, not Chromium's start-up."""
    import urllib.parse
    import urllib.request
    d = tempfile.mkdtemp()
    out_json = os.path.join(d, "s.json")
    port = free_port()
    cmd = ["taskset", "-c", GENERATOR_CORE, java, "-XX:+UseParallelGC", "-jar", CLI_JAR, "-f",
           os.path.join(BENCH, "scenarios", scenario), "--web-port", str(port), "--only-summary", "--json-file", out_json]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = "http://127.0.0.1:%d" % port
    browser = None
    try:
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=1).read()
                break
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(0.1)
        # the browser on nginx's core, not the generator's: it stands for a person's laptop
        browser = subprocess.Popen(["taskset", "-c", browser_core, "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                    "--no-first-run", "--user-data-dir=" + os.path.join(d, "chrome"),
                                    "--remote-debugging-port=0", base + "/"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(6)
        form = urllib.parse.urlencode({"user_count": users, "spawn_rate": users, "host": url,
                                       "run_time": "%ds" % seconds}).encode()
        urllib.request.urlopen(urllib.request.Request(base + "/swarm", data=form), timeout=10).read()
        deadline = time.time() + seconds + 60
        while time.time() < deadline:
            time.sleep(0.5)
            doc = json.loads(urllib.request.urlopen(base + "/stats/requests", timeout=10).read())
            if doc["state"] == "stopped" and os.path.exists(out_json):
                break
    finally:
        if browser:
            browser.kill()
            browser.wait()
        proc.terminate()
        proc.wait(30)
    doc = json.load(open(out_json))
    shutil.rmtree(d, ignore_errors=True)
    agg = [e for e in doc["stats"] if e["name"] == "Aggregated"][0]
    return {"rps": agg["requests_per_sec"], "p50": agg["percentiles"]["50"], "p99": agg["percentiles"]["99"],
            "cpu_per_1k": float("nan"), "rss_mb": float("nan"), "fails": agg["num_failures"]}


def web_cost(args):
    """The web UI must not cost throughput: headless against the same run with the page open."""
    if not os.path.exists("/usr/bin/chromium"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True)
    java = find_jdk()
    nginx = Nginx()
    try:
        runs = {"wrk": [], "stampede --headless": [], "stampede, web UI open": []}
        for i in range(args.repeat):
            log("round %d/%d" % (i + 1, args.repeat))
            runs["wrk"].append(run_wrk(nginx.url("/static"), args.users, args.seconds))
            runs["stampede --headless"].append(run_stampede(java, nginx.url(), "StaticUser.java", args.users, args.seconds))
            runs["stampede, web UI open"].append(
                run_stampede_with_page(java, nginx.url(), "StaticUser.java", args.users, args.seconds))
            log("  " + ", ".join("%s %.0f req/s" % (k, v[-1]["rps"]) for k, v in runs.items() if v))
        rows = {k: median_of(v) for k, v in runs.items() if v}
        table("Web UI open vs headless — %d users, %d s, median of %d rounds" % (args.users, args.seconds, args.repeat), rows)
        ratio = rows["stampede, web UI open"]["rps"] / rows["stampede --headless"]["rps"]
        print("\nweb UI open / headless: %.3f (the issue asks for at least 0.95)" % ratio)
    finally:
        nginx.stop()


BENCH_JAR = os.path.join(ROOT, "stampede-bench", "target", "benchmarks.jar")


def transports(args):
    """The transport decision (docs/design/002) without the rest of the tool: each candidate drives
    the static location from N virtual threads with no statistics (TransportCandidates), after a 3 s
    warm-up that is not counted; wrk in the same round for the ratio."""
    java = find_jdk()
    if not os.path.exists(BENCH_JAR):
        subprocess.run(["./mvnw", "-B", "-q", "-DskipTests", "install", "-pl", "stampede-bench", "-am"], cwd=ROOT, check=True)
    nginx = Nginx()
    try:
        url = nginx.url("/static")
        names = ["socket", "apache", "jdk"]
        runs = {"wrk": []}
        runs.update({n: [] for n in names})
        for i in range(args.repeat):
            log("round %d/%d" % (i + 1, args.repeat))
            runs["wrk"].append(run_wrk(url, args.users, args.seconds))
            for n in names:
                out, cpu, rss, _ = timed([java, "-XX:+UseParallelGC", "-cp", BENCH_JAR, "io.stampede.bench.TransportCandidates",
                                          url, str(args.users), str(args.seconds), n])
                fields = [l for l in out.splitlines() if l.startswith("RESULT ")][-1].split()
                total = int(fields[2]) or 1
                runs[n].append({"rps": float(fields[4]), "errors": int(fields[5]), "cpu_per_1k": cpu / total * 1000 * 1000,
                                "rss_mb": rss / 1024})
        rows = {k: median_of(v) for k, v in runs.items()}
        labels = {"wrk": "wrk", "socket": "Stampede's socket transport (Connection)",
                  "apache": "Apache HttpClient 5.4 classic, pool of N", "jdk": "JDK java.net.http HttpClient"}
        print("\n### Transport candidates — %d virtual threads, no statistics, %d s after a 3 s warm-up, median of %d\n"
              % (args.users, args.seconds, args.repeat))
        print("| candidate | req/s | x wrk | CPU ms / 1k req (JVM start and warm-up included) | errors | max RSS MB |")
        print("|---|---:|---:|---:|---:|---:|")
        base = rows["wrk"]["rps"]
        for k, r in rows.items():
            print("| %s | %.0f | %.2f | %.1f | %d | %.0f |" % (labels[k], r["rps"], r["rps"] / base, r["cpu_per_1k"],
                                                            r.get("errors", 0), r["rss_mb"]))
    finally:
        nginx.stop()


def run_h2load(url, users, streams, seconds):
    out, cpu, rss, _ = timed(["h2load", "-t1", "-c%d" % users, "-m%d" % streams, "-D%d" % seconds, "--warm-up-time=3", url])
    rps = float(re.search(r"finished in [\d.]+s, ([\d.]+) req/s", out).group(1))
    m = re.search(r"requests: (\d+) total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed, (\d+) errored", out)
    total = int(m.group(1)) or 1
    proto = re.search(r"Application protocol: (\S+)", out)
    return {"rps": rps, "errors": int(m.group(3)) + int(m.group(4)), "cpu_per_1k": cpu / total * 1000 * 1000,
            "rss_mb": rss / 1024, "protocol": proto.group(1) if proto else "?"}


def run_candidate(java, main, args_):
    out, cpu, rss, _ = timed([java, "-XX:+UseParallelGC", "-cp", BENCH_JAR, main] + [str(a) for a in args_])
    lines = [l for l in out.splitlines() if l.startswith("RESULT ")]
    if not lines:
        log("no result from %s %s:\n%s" % (main, args_, out[-1500:]))
        return {"rps": 0.0, "errors": -1, "cpu_per_1k": float("nan"), "rss_mb": rss / 1024, "protocol": "failed"}
    fields = lines[-1].split()
    total = int(fields[2]) or 1
    return {"rps": float(fields[4]), "errors": int(fields[5]), "cpu_per_1k": cpu / total * 1000 * 1000,
            "rss_mb": rss / 1024, "protocol": fields[6] if len(fields) > 6 else "HTTP/1.1"}


def http2(args):
    """The HTTP/2 decision (docs/design/007): the candidate clients alone (Http2Candidates: N virtual
    threads, a connection each, S streams each, no statistics, 3 s warm-up not counted) against nginx's
    h2 (TLS, ALPN) and h2c (prior knowledge) listeners, h2load as the reference, and Stampede itself with
    --http2; our HTTP/1.1 transport and wrk on the same nginx for scale. Every row runs in every round,
    interleaved, so the ratios compare like with like on a machine others share."""
    java = find_jdk()
    if not os.path.exists("/usr/bin/h2load"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "nghttp2-client"], check=True)
    if not os.path.exists(BENCH_JAR):
        subprocess.run(["./mvnw", "-B", "-q", "-DskipTests", "install", "-pl", "stampede-bench", "-am"], cwd=ROOT, check=True)
    nginx = Nginx("nginx-http2.conf")
    main = "io.stampede.bench.Http2Candidates"
    try:
        tls = "https://127.0.0.1:%d/static" % nginx.tls_port
        h2c = "http://127.0.0.1:%d/static" % nginx.h2c_port
        plain = nginx.url("/static")
        u, s, sec = args.users, args.streams, args.seconds
        rows = [
            ("h2 (TLS)", "h2load", lambda: run_h2load(tls, u, s, sec)),
            ("h2 (TLS)", "Jetty 12.1 HTTP2Client", lambda: run_candidate(java, main, [tls, u, s, sec, "jetty"])),
            ("h2 (TLS)", "Netty 4.2 codec-http2", lambda: run_candidate(java, main, [tls, u, s, sec, "netty"])),
            ("h2 (TLS)", "Stampede's HTTP/2 transport (over Jetty)", lambda: run_candidate(java, main, [tls, u, s, sec, "stampede"])),
            ("h2 (TLS)", "JDK HttpClient, a client per user", lambda: run_candidate(java, main, [tls, u, s, sec, "jdk"])),
            ("h2 (TLS)", "JDK HttpClient, one shared (one connection)", lambda: run_candidate(java, main, [tls, u, s, sec, "jdk-shared"])),
            ("h2c", "h2load", lambda: run_h2load(h2c, u, s, sec)),
            ("h2c", "Jetty 12.1 HTTP2Client", lambda: run_candidate(java, main, [h2c, u, s, sec, "jetty"])),
            ("h2c", "Netty 4.2 codec-http2", lambda: run_candidate(java, main, [h2c, u, s, sec, "netty"])),
            ("h2c", "Stampede's HTTP/2 transport (over Jetty)", lambda: run_candidate(java, main, [h2c, u, s, sec, "stampede"])),
            ("HTTP/1.1", "wrk", lambda: run_wrk(plain, u * s, sec)),
            ("HTTP/1.1", "Stampede's socket transport", lambda: run_candidate(
                java, "io.stampede.bench.TransportCandidates", [plain, u * s, sec, "socket"])),
        ]
        if not args.no_tool:
            nginx_base = "https://127.0.0.1:%d" % nginx.tls_port
            rows += [
                ("tool", "stampede --http2 (h2, TLS)", lambda: run_stampede(
                    java, nginx_base, "StaticUser.java", u, sec, extra=["--http2", "--insecure"])),
                ("tool", "stampede --http2 (h2c)", lambda: run_stampede(
                    java, "http://127.0.0.1:%d" % nginx.h2c_port, "StaticUser.java", u, sec, extra=["--http2"])),
                ("tool", "stampede (HTTP/1.1)", lambda: run_stampede(java, nginx.url(), "StaticUser.java", u, sec)),
            ]
        runs = {(g, n): [] for g, n, _ in rows}
        protocols = {}
        for i in range(args.repeat):
            log("round %d/%d" % (i + 1, args.repeat))
            for g, n, run in rows:
                r = run()
                protocols[(g, n)] = r.pop("protocol", protocols.get((g, n), ""))
                r.setdefault("errors", r.pop("fails", 0))
                runs[(g, n)].append(r)
                log("  %s / %s: %.0f req/s" % (g, n, r["rps"]))
        print("\n### HTTP/2 candidates — %d users, a connection each, %d stream(s) each, %d s after a 3 s warm-up, "
              "median of %d interleaved rounds\n" % (u, s, sec, args.repeat))
        # the reference of each group is its first row (h2load, wrk, stampede's HTTP/1.1 run); the ratio is the
        # median of the ratios within each round, which a load that changes between rounds does not move
        print("| protocol | client | req/s | x reference (median of rounds' ratios) | CPU ms / 1k req | errors | max RSS MB | negotiated |")
        print("|---|---|---:|---:|---:|---:|---:|---|")
        for g in ["h2 (TLS)", "h2c", "HTTP/1.1", "tool"]:
            keys = [k for k in runs if k[0] == g]
            if not keys:
                continue
            ref_key = keys[-1] if g == "tool" else keys[0]
            for k in keys:
                r = median_of(runs[k])
                ratio = statistics.median(a["rps"] / (b["rps"] or 1) for a, b in zip(runs[k], runs[ref_key]))
                print("| %s | %s | %.0f | %.2f | %.1f | %d | %.0f | %s |" % (
                    g, k[1], r["rps"], ratio, r["cpu_per_1k"], r.get("errors", 0), r["rss_mb"], protocols.get(k, "")))
        for i in range(args.repeat):
            print("\nround %d: " % (i + 1) + ", ".join("%s/%s %.0f" % (k[0], k[1], v[i]["rps"]) for k, v in runs.items()))
    finally:
        nginx.stop()


def expected_rate(user_counts, window_start, window_end, wait_min=60.0, wait_max=120.0, seed=1):
    """What a perfect generator does in the window: users appear as the history's user counts say
    (spread evenly within each second), each sends at once and then every U(wait_min, wait_max) s.
    A simulation rather than users/90 because the population takes several wait cycles to settle."""
    import random
    rnd = random.Random(seed)
    count = 0
    previous = 0
    for second, users in enumerate(user_counts):
        new = max(0, users - previous)
        previous = max(previous, users)
        for k in range(new):
            t = second + k / max(1, new)
            while t < window_end:
                if t >= window_start:
                    count += 1
                t += rnd.uniform(wait_min, wait_max)
    return count / (window_end - window_start)


def gc_pauses(log):
    pauses = [float(m) for m in re.findall(r"Pause.* ([\d.]+)ms", open(log).read())]
    return len(pauses), sum(pauses) / 1000, max(pauses) / 1000 if pauses else 0


def population_figures(d, prefix, out_json, users_wanted):
    """From a population run's history CSV and JSON: the ramp, the steady-state window (from one full
    wait cycle after the ramp to the last whole second), the intended and achieved rates in it."""
    doc = json.load(open(out_json))
    agg = [e for e in doc["stats"] if e["name"] == "Aggregated"][0]
    hist = [r for r in csv.DictReader(open(os.path.join(d, prefix + "_stats_history.csv"))) if r["Name"] == "Aggregated"]
    t0 = int(hist[0]["Timestamp"])
    by_second = {}
    for r in hist:
        by_second[int(r["Timestamp"]) - t0] = r
    seconds = sorted(by_second)
    users = []
    for sec in range(seconds[-1] + 1):
        users.append(int(by_second[sec]["User Count"]) if sec in by_second else (users[-1] if users else 0))
    full = next((sec for sec, u in enumerate(users) if u >= users_wanted), None)
    start = min((sec for sec in seconds if full is not None and sec >= full + 120), default=None)
    end = max((sec for sec in seconds if sec <= seconds[-1] - 1), default=None)
    if start is not None and end is not None and end - start >= 30:
        n = int(by_second[end]["Total Request Count"]) - int(by_second[start]["Total Request Count"])
        achieved = n / (end - start)
        intended = expected_rate(users, start, end)
    else:
        achieved = intended = float("nan")
    return {"agg": agg, "full": full if full is not None else -1, "start": start if start is not None else -1,
            "end": end if end is not None else -1, "intended": intended, "achieved": achieved, "max_users": max(users)}


def population(args):
    java = find_jdk()
    nginx = Nginx()
    try:
        d = tempfile.mkdtemp()
        out_json = os.path.join(d, "p.json")
        gc = {"parallel": "-XX:+UseParallelGC", "g1": "-XX:+UseG1GC", "zgc": "-XX:+UseZGC"}[args.gc]
        gc_log = os.path.join(d, "gc.log")
        cmd = [java, gc, "-Xmx2g", "-Xlog:gc:file=" + gc_log, "-jar", CLI_JAR,
               "-f", os.path.join(BENCH, "scenarios", "IdleUser.java"), "-H", nginx.url(),
               "-u", str(args.users), "-r", str(args.spawn_rate), "-t", "%ds" % args.seconds,
               "--headless", "--only-summary", "--max-connections", str(args.max_connections),
               "--csv", os.path.join(d, "p"), "--json-file", out_json]
        served_before = nginx.requests_served()
        out, cpu, rss, wall = timed(cmd, timeout=args.seconds + 600)
        served = nginx.requests_served() - served_before - 1  # minus the status request before the run
        f = population_figures(d, "p", out_json, args.users)
        agg, full, start, end, intended, achieved = f["agg"], f["full"], f["start"], f["end"], f["intended"], f["achieved"]
        pauses, paused, longest = gc_pauses(gc_log) if args.gc != "zgc" else (0, 0.0, 0.0)  # ZGC: concurrent
        print("\n### Population — %d users, wait between(60,120) s, spawn %d/s, %d s, --max-connections %d, %s GC, -Xmx2g\n" % (
            args.users, args.spawn_rate, args.seconds, args.max_connections, args.gc))
        print("| ramp s | window s | intended req/s | achieved req/s | ratio | requests (Stampede) | requests (nginx) "
              "| failures | p50 ms | p99 ms | GC pauses | paused s | longest s | max RSS MB | CPU s |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        print("| %d | %d-%d | %.1f | %.1f | %.4f | %d | %d | %d | %.2f | %.2f | %d | %.2f | %.2f | %.0f | %.1f |" % (
            full, start, end, intended, achieved, achieved / intended, agg["num_requests"], served,
            agg["num_failures"], agg["percentiles"]["50"], agg["percentiles"]["99"], pauses, paused, longest,
            rss / 1024, cpu))
        log("population files kept in " + d)
    finally:
        nginx.stop()


def startup(args):
    """The user-facing command, launcher included (JDK discovery, staleness check, class-data
    archive): wall time of a 1 s run of a one-file scenario, compilation included."""
    nginx = Nginx()
    try:
        walls = []
        cmd = [os.path.join(ROOT, "bin", "stampede"), "-f", os.path.join(BENCH, "scenarios", "StaticUser.java"),
               "-H", nginx.url(), "-u", "1", "-t", "1s", "--headless", "--only-summary"]
        timed(cmd, pin=False)  # the first run after a build writes the class-data archive; not counted
        for _ in range(args.repeat):
            _, _, _, wall = timed(cmd, pin=False)
            walls.append(wall)
        print("\n### Start-up: `bin/stampede -f StaticUser.java --headless -t 1s`, both cores, as a user runs it\n")
        print("median of %d: **%.2f s** wall, of which 1 s is the run itself (min %.2f, max %.2f)" % (
            args.repeat, statistics.median(walls), min(walls), max(walls)))
    finally:
        nginx.stop()


def idle(args):
    """Memory per idle user: the same idle population (GET, then 60-120 s of waiting) in Locust and in
    Stampede, max RSS with N users minus max RSS with 1 user, divided by N."""
    java = find_jdk()
    nginx = Nginx()
    try:
        def locust(n):
            _, _, rss, _ = timed(["locust", "-f", os.path.join(BENCH, "locustfile_idle.py"), "--headless", "-u", str(n),
                                  "-r", str(max(1, n // 5)), "-t", "%ds" % args.seconds, "-H", nginx.url(),
                                  "--only-summary", "--loglevel", "WARNING"])
            return rss / 1024

        def stampede(n):
            _, _, rss, _ = timed([java, "-XX:+UseParallelGC", "-jar", CLI_JAR, "-f",
                                  os.path.join(BENCH, "scenarios", "IdleUser.java"), "-H", nginx.url(), "-u", str(n),
                                  "-r", str(max(1, n // 5)), "-t", "%ds" % args.seconds, "--headless", "--only-summary"])
            return rss / 1024

        n = args.users
        rows = []
        for name, run in [("locust FastHttpUser", locust), ("stampede", stampede)]:
            base, full = run(1), run(n)
            rows.append((name, base, full, (full - base) * 1024 / n))
        print("\n### Memory per idle user — %d users, GET then wait between(60,120) s, %d s\n" % (n, args.seconds))
        print("| generator | max RSS, 1 user (MB) | max RSS, %d users (MB) | KB per idle user |" % n)
        print("|---|---:|---:|---:|")
        for name, base, full, per in rows:
            print("| %s | %.0f | %.0f | %.1f |" % (name, base, full, per))
    finally:
        nginx.stop()


# ---- the cluster: a master process and worker processes (docs/design/006-cluster.md) ----

CLUSTER_TOKEN = "bench-token"


def cpu_seconds(pid):
    """user + system CPU of a live process so far, from /proc (clock ticks)."""
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def reap(proc, timeout):
    """Waits for a child; returns (exit code, CPU s, max RSS MB) from its rusage."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("bench: pid %d did not end within %d s" % (proc.pid, timeout))


class MasterProcess:
    """`stampede --master` with its output read line by line (and kept), timing when lines appear."""

    def __init__(self, java, d, scenario, url, workers, run_args, heap="1g"):
        import threading
        self.port = free_port()
        self.json = os.path.join(d, "m.json")
        self.csv = os.path.join(d, "m")
        cmd = [java, "-XX:+UseParallelGC", "-Xmx" + heap, "-jar", CLI_JAR, "-f", os.path.join(BENCH, "scenarios", scenario),
               "-H", url, "--master", "--master-bind-host", "127.0.0.1", "--master-bind-port", str(self.port),
               "--expect-workers", str(workers), "--expect-workers-max-wait", "180s", "--cluster-token", CLUSTER_TOKEN,
               "--headless", "--only-summary", "--csv", self.csv, "--json-file", self.json] + list(run_args)
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = []
        self.log = open(os.path.join(d, "master.out"), "w")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append((time.time(), line))
            self.log.write(line)
            self.log.flush()

    def await_line(self, fragment, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for at, line in list(self.lines):
                if fragment in line:
                    return at
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        raise SystemExit("bench: the master never said %r:\n%s" % (fragment, "".join(l for _, l in self.lines[-30:])))

    def aggregated(self):
        return [e for e in json.load(open(self.json))["stats"] if e["name"] == "Aggregated"][0]


def worker_processes(java, d, port, count, jvm=("-XX:+UseParallelGC", "-Xmx512m")):
    procs = []
    for i in range(1, count + 1):
        out = open(os.path.join(d, "w%d.out" % i), "w")
        procs.append(subprocess.Popen([java] + list(jvm) + ["-jar", CLI_JAR, "--worker", "--master-host", "127.0.0.1",
                                                              "--master-port", str(port), "--cluster-token", CLUSTER_TOKEN,
                                                              "--capacity", "1"],
                                      stdout=out, stderr=subprocess.STDOUT, env=dict(os.environ, HOSTNAME="w%d" % i)))
    return procs


def stampede_version(java):
    out = subprocess.run([java, "-jar", CLI_JAR, "--version"], capture_output=True, text=True).stdout
    return re.search(r"(\d+\.\d+\.\d+\S*)", out).group(1)


def cluster_attach(args):
    """The control plane at scale: N real worker agents (ClusterAttach, one process, N gRPC connections)
    attach to one `stampede --master` process; each runs one user (a GET a second) for the run, so
    heartbeats and intervals with real samples flow for all of them. The master's CPU is read from
    /proc over the run, from every worker connected until the run's time is up."""
    java = find_jdk()
    if not os.path.exists(BENCH_JAR):
        subprocess.run(["./mvnw", "-B", "-q", "-DskipTests", "install", "-pl", "stampede-bench", "-am"], cwd=ROOT, check=True)
    nginx = Nginx()
    d = tempfile.mkdtemp(prefix="stampede-bench-attach-")
    try:
        n = args.workers or 500
        before = nginx.requests_served()
        master = MasterProcess(java, d, "PacedUser.java", nginx.url(), n, ["-u", str(n), "-r", str(n), "-t", "%ds" % args.seconds])
        master.await_line("waiting for", 60)
        clients = subprocess.Popen([java, "-XX:+UseParallelGC", "-Xmx2g", "-cp", BENCH_JAR, "io.stampede.bench.ClusterAttach",
                                    "127.0.0.1", str(master.port), CLUSTER_TOKEN, stampede_version(java), str(n)],
                                   stdout=subprocess.PIPE, stderr=open(os.path.join(d, "clients.err"), "w"), text=True)
        attached_line = clients.stdout.readline().split()
        connected = master.await_line("%d workers connected" % n, 60)
        cpu0 = cpu_seconds(master.proc.pid)
        time.sleep(max(0.0, connected + args.seconds - 0.5 - time.time()))
        cpu1 = cpu_seconds(master.proc.pid)
        window = time.time() - connected
        code, master_cpu, master_rss = reap(master.proc, 120)
        ended = clients.stdout.readline().strip()
        threads = [l for l in open(os.path.join(d, "clients.err")) if l.startswith("THREADS")]
        _, clients_cpu, clients_rss = reap(clients, 60)
        served = nginx.requests_served() - before - 1  # minus the status request before the run
        agg = master.aggregated()
        lost = [l for _, l in master.lines if " lost" in l]
        print("\n### Control plane: %d worker agents (one user each, a GET a second) on one master process, %d s\n"
              % (n, args.seconds))
        print("| workers | attached in ms | master CPU s in the run | of one core | master CPU s, whole life | master max RSS MB "
              "| requests merged | requests nginx | lost | agents' process CPU s |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        print("| %d | %s | %.2f | %.1f%% | %.1f | %.0f | %d | %d | %d | %.1f |" % (
            n, attached_line[2] if len(attached_line) > 2 else "not all", cpu1 - cpu0, 100 * (cpu1 - cpu0) / window,
            master_cpu, master_rss, agg["num_requests"], served, len(lost), clients_cpu))
        log("master exit %d; agents: %s; %s; files in %s" % (code, ended, "".join(threads).strip(), d))
    finally:
        nginx.stop()


def cluster_throughput(args):
    """Total throughput over 1..4 worker processes on this machine, each with --users users, against
    nginx's 50 ms location (the target is not the limit: throughput should grow with workers) and its
    static location (no wait: the machine is the limit from the first worker). Nothing is pinned but
    nginx (core 0): the workers and the master share both cores, as they would on a real host."""
    java = find_jdk()
    nginx = Nginx()
    try:
        for scenario, title in [("DelayUser.java", "50 ms location"), ("StaticUser.java", "static location, no wait")]:
            rows = []
            for n in range(1, (args.workers or 4) + 1):
                d = tempfile.mkdtemp(prefix="stampede-bench-scale-")
                before = nginx.requests_served()
                users = args.users * n
                master = MasterProcess(java, d, scenario, nginx.url(), n, ["-u", str(users), "-r", str(users),
                                                                           "-t", "%ds" % args.seconds])
                master.await_line("waiting for", 60)
                workers = worker_processes(java, d, master.port, n)
                code, _, _ = reap(master.proc, args.seconds + 120)
                worker_cpu = sum(reap(w, 60)[1] for w in workers)
                served = nginx.requests_served() - before - 1
                agg = master.aggregated()
                rows.append((n, users, agg["requests_per_sec"], agg["percentiles"]["50"], agg["percentiles"]["99"],
                             agg["num_requests"], served, agg["num_failures"], worker_cpu))
                log("  %s, %d workers: %.0f req/s (exit %d)" % (scenario, n, agg["requests_per_sec"], code))
                shutil.rmtree(d, ignore_errors=True)
            print("\n### Throughput over worker processes — %s, %d users per worker, %d s\n" % (title, args.users, args.seconds))
            print("| worker processes | users | req/s (merged) | x 1 worker | p50 ms | p99 ms | requests merged | requests nginx "
                  "| failures | workers' CPU s |")
            print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            for n, users, rps, p50, p99, total, served, fails, cpu in rows:
                print("| %d | %d | %.0f | %.2f | %.2f | %.2f | %d | %d | %d | %.1f |" % (
                    n, users, rps, rps / rows[0][2], p50, p99, total, served, fails, cpu))
    finally:
        nginx.stop()


def cluster_population(args):
    """The population run of `population`, spread over --workers worker processes (ZGC, -Xmx --worker-heap each)
    under one master: --max-connections is per worker, so 4 workers hold 8,000 pooled connections."""
    java = find_jdk()
    nginx = Nginx()
    d = tempfile.mkdtemp(prefix="stampede-bench-cpop-")
    try:
        n = args.workers or 4
        before = nginx.requests_served()
        master = MasterProcess(java, d, "IdleUser.java", nginx.url(), n,
                               ["-u", str(args.users), "-r", str(args.spawn_rate), "-t", "%ds" % args.seconds,
                                "--max-connections", str(args.max_connections), "--stop-timeout", "30s"])
        master.await_line("waiting for", 60)
        workers = worker_processes(java, d, master.port, n, jvm=("-XX:+UseZGC", "-Xmx%s" % args.worker_heap))
        code, master_cpu, master_rss = reap(master.proc, args.seconds + 900)
        reaped = [reap(w, 120) for w in workers]
        served = nginx.requests_served() - before - 1
        f = population_figures(d, "m", master.json, args.users)
        agg = f["agg"]
        lost = [l.strip() for _, l in master.lines if " lost" in l]
        print("\n### Population over %d worker processes — %d users, wait between(60,120) s, spawn %d/s, %d s, "
              "--max-connections %d per worker, workers ZGC -Xmx%s\n" % (n, args.users, args.spawn_rate, args.seconds,
                                                                        args.max_connections, args.worker_heap))
        print("| ramp s | window s | intended req/s | achieved req/s | ratio | requests (merged) | requests (nginx) "
              "| failures | p50 ms | p99 ms | workers' max RSS MB | workers' CPU s | master CPU s | lost |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        print("| %d | %d-%d | %.1f | %.1f | %.4f | %d | %d | %d | %.2f | %.2f | %s | %.1f | %.1f | %d |" % (
            f["full"], f["start"], f["end"], f["intended"], f["achieved"], f["achieved"] / f["intended"], agg["num_requests"],
            served, agg["num_failures"], agg["percentiles"]["50"], agg["percentiles"]["99"],
            "/".join("%.0f" % r[2] for r in reaped), sum(r[1] for r in reaped), master_cpu, len(lost)))
        log("master exit %d (max users %d); files kept in %s" % (code, f["max_users"], d))
    finally:
        nginx.stop()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["throughput", "latency", "population", "startup", "idle", "transports", "web", "http2", "all",
                                     "cluster-attach", "cluster-throughput", "cluster-population"])
    p.add_argument("--seconds", type=int, default=15)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--users", type=int, default=None)
    p.add_argument("--spawn-rate", type=int, default=5000)
    p.add_argument("--max-connections", type=int, default=2000)
    p.add_argument("--no-locust", action="store_true")
    p.add_argument("--no-jdk", action="store_true", help="throughput/latency: leave out the JDK HttpClient row")
    p.add_argument("--baseline-jar", default=None,
                   help="throughput/latency: also run this stampede.jar (an older build) in the same rounds")
    p.add_argument("--workers", type=int, default=None, help="cluster modes: worker agents or processes")
    p.add_argument("--worker-heap", default="3g", help="cluster-population: each worker's -Xmx (250,000 users need more than 2g)")
    p.add_argument("--streams", type=int, default=1, help="http2: concurrent streams per user's connection")
    p.add_argument("--no-tool", action="store_true", help="http2: the candidates only, not stampede --http2")
    p.add_argument("--gc", choices=["parallel", "g1", "zgc"], default="zgc", help="population: the collector")
    args = p.parse_args()
    ensure_tools()
    ensure_jar()
    print("Date: %s; machine: %s, %d cores" % (time.strftime("%Y-%m-%d"), os.uname().machine, os.cpu_count()))
    if args.mode == "all":
        for mode in ["throughput", "transports", "latency", "startup", "idle", "population"]:
            run_mode(argparse.Namespace(**dict(vars(args), mode=mode, users=None)))
    else:
        run_mode(args)


def run_mode(args):
    if args.mode == "throughput":
        args.users = args.users or 50
        compare(args, "/static", "StaticUser.java", "Throughput: static location, no wait")
    elif args.mode == "latency":
        args.users = args.users or 50
        compare(args, "/delay", "DelayUser.java", "Latency truth: 50 ms location")
    elif args.mode == "population":
        args.users = args.users or 250000
        if args.seconds == 15:
            args.seconds = 300
        population(args)
    elif args.mode == "web":
        args.users = args.users or 50
        web_cost(args)
    elif args.mode == "cluster-attach":
        if args.seconds == 15:
            args.seconds = 30
        cluster_attach(args)
    elif args.mode == "cluster-throughput":
        args.users = args.users or 50
        cluster_throughput(args)
    elif args.mode == "cluster-population":
        args.users = args.users or 1000000
        if args.seconds == 15:
            args.seconds = 480
        cluster_population(args)
    elif args.mode == "http2":
        args.users = args.users or 50
        if args.seconds == 15:
            args.seconds = 10
        http2(args)
    elif args.mode == "transports":
        args.users = args.users or 50
        transports(args)
    elif args.mode == "idle":
        args.users = args.users or 5000
        if args.seconds == 15:
            args.seconds = 40
        idle(args)
    else:
        startup(args)


if __name__ == "__main__":
    main()
