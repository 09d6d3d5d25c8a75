# Locust's idle user for the harness's memory comparison: GET, then wait 60-120 s (like IdleUser.java).
from locust import FastHttpUser, task, between


class IdleUser(FastHttpUser):
    wait_time = between(60, 120)

    @task
    def get(self):
        self.client.get("/static")
