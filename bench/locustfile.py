# Locust reference user for the harness: FastHttpUser, no wait, one GET (path from BENCH_PATH).
import os
from locust import FastHttpUser, task, constant

PATH = os.environ.get("BENCH_PATH", "/static")


class BenchUser(FastHttpUser):
    wait_time = constant(0)

    @task
    def get(self):
        self.client.get(PATH)
