"""HTTP-ish job statuses as StrEnum, serialised straight into JSON and f-strings."""
import json
from enum import StrEnum, auto


class Status(StrEnum):
    QUEUED = auto()
    RUNNING = auto()
    SUCCEEDED = auto()
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def terminal(self):
        return self in {Status.SUCCEEDED, Status.FAILED, Status.CANCELLED}


jobs = {
    "build-101": Status.SUCCEEDED,
    "build-102": Status.RUNNING,
    "build-103": Status.FAILED,
    "deploy-7": Status.QUEUED,
    "lint-55": Status("cancelled"),
}

for job, status in jobs.items():
    print(f"{job:<10} {status:<10} terminal={status.terminal}")

print(json.dumps(jobs))
print("values:", [s.value for s in Status])
print("str equality:", Status.FAILED == "failed", "running" in list(Status), Status.RUNNING.upper())
print("str/repr:", str(Status.QUEUED), repr(Status.QUEUED))
print("concat:", "status=" + Status.SUCCEEDED, "| format:", "{}".format(Status.CANCELLED))
print("lookup:", Status("queued").name, Status["RUNNING"].value)
print("isinstance str:", isinstance(Status.FAILED, str))
summary = {}
for status in jobs.values():
    summary[status] = summary.get(status, 0) + 1
print("summary:", summary)
print("sorted statuses:", sorted(Status))
print("terminal jobs:", [j for j, s in jobs.items() if s.terminal])
