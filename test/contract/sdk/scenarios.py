"""The flows of VoxPact's Python SDK against a running `voxpact-mcp --transport http`.

Usage: python3 scenarios.py '<json: {"base": url, "agents": {role: {id, key, email}}}>'
Each check is an assert; the JSON printed on stdout names what was made, for the vitest side
(test/contract/sdk-python.test.ts) to check on the server.
"""

from __future__ import annotations

import json
import sys
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import voxpact_like as vp

cfg = json.loads(sys.argv[1])
base = cfg["base"]
A = cfg["agents"]


def client(role: str) -> vp.Client:
    a = A[role]
    return vp.Client(base, api_key=a["key"], owner_email=a["email"])


def expect_raises(exc: type, fn, *args, **kw) -> vp.VoxpactError:
    try:
        fn(*args, **kw)
    except exc as e:  # the SDK's own exception, never an AttributeError from the body's shape
        return e
    raise AssertionError(f"{fn.__name__} did not raise {exc.__name__}")


out: dict = {}
buyer, worker, bidder, nocard = client("buyer"), client("worker"), client("bidder"), client("nocard")

assert buyer.health()["status"] == "ok"

# ---- register (no auth), with the owner's country; the webhook.ping goes to a local receiver ----
class Hook(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_: object) -> None:
        pass


hook = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
threading.Thread(target=hook.serve_forever, daemon=True).start()
reg = vp.Client.register_agent(base, "sdk-registered", "registered@sdk.example", "SE", f"http://127.0.0.1:{hook.server_address[1]}/hook",
                               capabilities=["translation"], description="Registered by the SDK", rate_card={"per_task": 5.0})
assert reg["status"] == "pending_verification" and reg["agent_id"].startswith("ag_"), reg
bad = expect_raises(vp.ValidationError, vp.Client.register_agent, base, "sdk-bad-country", "bad@sdk.example", "Sweden", f"http://127.0.0.1:{hook.server_address[1]}/hook")
assert bad.response["field"] == "owner_country", bad.response
hook.shutdown()
out["registered"] = reg["agent_id"]

# ---- search -> direct job -> (Agent.run poll) accept -> deliver, no start -> approve -> review ----
found = buyer.search_agents("translator", capabilities=["translation"])
assert A["worker"]["id"] in [x["id"] for x in found], found
assert buyer.get_agent(A["worker"]["id"])["id"] == A["worker"]["id"]
deadline = (datetime.now(timezone.utc) + timedelta(hours=48, minutes=30)).isoformat()
job = buyer.create_job("Translate the greeting to Spanish", {"input_text": "Hello, world.", "target_language": "es"}, 5.0,
                       worker_agent_id=A["worker"]["id"], deadline=deadline)
assert job["status"] == "funded" and job["deadline_hours"] == 48, job
out["direct_job"] = job["id"]

# One turn of Agent.run: poll GET /v1/jobs/assigned, accept what is still funded, deliver.
assigned = worker.get_assigned_jobs(limit=20)
polled = [j for j in assigned if j["id"] == job["id"]]
assert polled and polled[0]["status"] == "funded", assigned
worker.accept_job(job["id"])
assert [j["status"] for j in worker.get_assigned_jobs() if j["id"] == job["id"]] == ["accepted"]
delivered = worker.deliver_job(job["id"], deliverable={"result": "Hola, mundo."}, message="Neutral Latin-American Spanish.")
assert delivered["job"]["status"] == "delivered", delivered
assert json.loads(delivered["deliverable"]["content"]) == {"result": "Hola, mundo."}
assert delivered["deliverable"]["metadata"] == {"message": "Neutral Latin-American Spanish."}
assert job["id"] not in [j["id"] for j in worker.get_assigned_jobs()]  # delivered: nothing to do

approved = buyer.approve_job(job["id"])
assert approved["status"] == "completed", approved
review = buyer.submit_review(job["id"], 5, comment="Fast and correct")
assert review["rating"] == 5
payouts = worker.list_payouts()
assert [p["job_id"] for p in payouts] == [job["id"]], payouts

# list_payouts as the SDK's README reads it: amount_cents (int) and status; request_payout: embedded
# releases were paid out at once, so nothing waits and the request is the SDK's own exception (409).
paid = payouts[0]
assert paid["amount_cents"] == round(approved["worker_payout"] * 100) and isinstance(paid["amount_cents"], int) and paid["status"] == "paid", paid
e_pay = expect_raises(vp.VoxpactError, worker.request_payout, 2500)
assert e_pay.status_code == 409 and e_pay.response["code"] == "insufficient_balance", e_pay.response
assert e_pay.response["available_cents"] == 0 and e_pay.response["field"] == "amount_cents", e_pay.response
assert expect_raises(vp.ValidationError, worker.request_payout, 0).response["field"] == "amount_cents"

# ---- profile: me, update_me(availability=...) stored and served (private and public profile, search) ----
me = worker.me()
assert me["id"] == A["worker"]["id"] and me["availability"] == "available", me
assert worker.update_me(availability="busy", description="Spanish, French")["availability"] == "busy"
assert worker.me()["availability"] == "busy" and buyer.get_agent(A["worker"]["id"])["availability"] == "busy"
assert [x["availability"] for x in buyer.search_agents("translator") if x["id"] == A["worker"]["id"]] == ["busy"]
bad_av = expect_raises(vp.ValidationError, worker.update_me, availability="sleeping")
assert bad_av.response["field"] == "availability" and "busy" in bad_av.message, bad_av.response
worker.update_me(availability="available")

# ---- Agent.run: one poll dispatches by spec.name / name, auto-accepts, delivers {"result": ...} ----
runner = vp.Agent(worker)
calls: list = []


@runner.job("translate")
def translate(text: str, target_lang: str) -> str:
    calls.append((text, target_lang))
    return {"es": "Hola"}[target_lang]


named = buyer.create_job("Translate one word", {"name": "translate", "inputs": {"text": "Hello", "target_lang": "es"}}, 5.0, worker_agent_id=A["worker"]["id"])
assert named["name"] == "translate" and named["spec"] == named["task_spec"], named
by_title = buyer.create_job("translate", {"inputs": {"text": "Hello", "target_lang": "es"}}, 5.0, worker_agent_id=A["worker"]["id"])
assert by_title["name"] == "translate", by_title
unknown = buyer.create_job("Summarise a paper", {"description": "Any length"}, 5.0, worker_agent_id=A["worker"]["id"])
runner.run_once()
assert calls == [("Hello", "es"), ("Hello", "es")], (calls, runner.log)
for j in (named, by_title):
    done = buyer.get_job(j["id"])
    assert done["status"] == "delivered", done
assert f"No handler registered for job {unknown['id']} (name=Summarise a paper)" in runner.log, runner.log
assert buyer.get_job(unknown["id"])["status"] == "funded"
cancelled = buyer.cancel_job(unknown["id"], reason="Not needed any more")
assert cancelled["status"] in ("cancelled", "refunded"), cancelled
for j in (named, by_title):
    buyer.approve_job(j["id"])
out["agent_run_job"] = named["id"]

# ---- messages ----
chat = buyer.create_job("Summarise the quarterly report", {"description": "Five bullet points"}, 6.0, worker_agent_id=A["worker"]["id"])
worker.accept_job(chat["id"])
buyer.send_message(chat["id"], "Can you start by end of day?")
worker.send_message(chat["id"], "Yes, starting now.")
thread = buyer.list_messages(chat["id"])
assert [m["content"] for m in thread] == ["Can you start by end of day?", "Yes, starting now."], thread
assert [m["sender_agent_id"] for m in thread] == [A["buyer"]["id"], A["worker"]["id"]]
out["message_job"] = chat["id"]

# ---- open job -> bid -> accept bid -> deliver -> revision -> deliver -> approve ----
open_job = buyer.create_job("Translate an article into French", {"description": "About 800 words"}, 20.0, job_type="open",
                            required_capabilities=["translation"])
assert open_job["status"] == "open"
listed = bidder.get_open_jobs(capabilities=["translation"], min_budget=10.0)
assert open_job["id"] in [j["id"] for j in listed], listed
bid = bidder.submit_bid(open_job["id"], 12.5, message="2-hour turnaround.", estimated_hours=2)
assert bid["proposed_price"] == 12.5 and bid["status"] == "active", bid
bids = buyer.list_bids(open_job["id"])
assert [b["id"] for b in bids] == [bid["id"]], bids
taken = buyer.accept_bid(open_job["id"], bid["id"])
assert taken["job"]["status"] == "accepted" and taken["job"]["worker_agent_id"] == A["bidder"]["id"], taken
bidder.deliver_job(open_job["id"], deliverable={"text": "Bonjour"})
assert buyer.request_revision(open_job["id"], "Please translate the title as well.")["status"] == "revision_requested"
bidder.deliver_job(open_job["id"], deliverable={"text": "Bonjour", "title": "Titre"})
assert buyer.approve_job(open_job["id"])["status"] == "completed"
out["open_job"] = open_job["id"]

# ---- refusals become the SDK's own exceptions (the message is a string) ----
e409 = expect_raises(vp.VoxpactError, worker.accept_job, job["id"])
assert type(e409) is vp.VoxpactError and e409.status_code == 409 and e409.response["code"] == "invalid_status", e409.response
assert "completed" in e409.message and e409.response["status"] == "completed"
e402 = expect_raises(vp.PaymentError, nocard.create_job, "Needs a saved card first", {"description": "x"}, 5.0, worker_agent_id=A["worker"]["id"])
assert e402.status_code == 402 and e402.response["code"] == "payment_method_required", e402.response
buyer.update_me(monthly_spending_limit=5.0)
cap = expect_raises(vp.VoxpactError, buyer.create_job, "Over the monthly limit", {"description": "x"}, 9.0, worker_agent_id=A["worker"]["id"])
assert cap.status_code == 402 and cap.response["code"] == "monthly_limit_exceeded" and cap.response["left_this_month"] == 0, cap.response
e404 = expect_raises(vp.NotFoundError, buyer.get_job, "not-a-job-id")
assert e404.response["code"] == "not_found"
e400 = expect_raises(vp.ValidationError, buyer.create_job, "Bad", {"description": "x"}, 5.0, worker_agent_id=A["worker"]["id"])
assert e400.response["field"] == "title", e400.response

# ---- rotate the key: the old one stops working ----
assert nocard.rotate_api_key()["agent_id"] == A["nocard"]["id"]
expect_raises(vp.AuthenticationError, vp.Client(base, api_key=A["nocard"]["key"], owner_email=A["nocard"]["email"]).get_assigned_jobs)

out["requests"] = sorted({f"{m} {p}" for c in (buyer, worker, bidder, nocard) for (m, p) in c.requests})
print(json.dumps(out))
