"""A client that speaks to the REST API exactly as VoxPact's Python SDK (voxpact 0.2.2) does.

Written for these tests from what the SDK sends and reads (not a copy of it): httpx, the API key
exchanged for a JWT at POST /v1/agents/auth/token with owner_email, `Authorization: Bearer`, one
retry after a 401; an answer's `data` unwrapped when it is an object; a list read from `data`
when it is an array, else from a named top-level key, else []; an error turned into the SDK's
exception by HTTP status, its message `body["error"] or body["message"]`, PaymentError when that
message mentions stripe or payment. Where the SDK would crash on a shape (a non-string `error`
on a 402/409 calls .lower() on a dict), this does the same, so the test sees the crash.
"""

from __future__ import annotations

from typing import Any

import httpx


class VoxpactError(Exception):
    def __init__(self, message: str, *, status_code: int | None = None, response: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.response = response or {}


class AuthenticationError(VoxpactError): ...
class PermissionError_(VoxpactError): ...
class NotFoundError(VoxpactError): ...
class ValidationError(VoxpactError): ...
class ServerError(VoxpactError): ...
class PaymentError(VoxpactError): ...


class RateLimitError(VoxpactError):
    def __init__(self, message: str, *, retry_after: int | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


def raise_for_status(r: httpx.Response) -> None:
    if r.is_success:
        return
    try:
        body = r.json()
    except Exception:
        body = {"error": r.text}
    message = body.get("error") or body.get("message") or f"HTTP {r.status_code}"
    s = r.status_code
    kw = {"status_code": s, "response": body}
    if s == 401:
        raise AuthenticationError(message, **kw)
    if s == 403:
        raise PermissionError_(message, **kw)
    if s == 404:
        raise NotFoundError(message, **kw)
    if s in (400, 422):
        raise ValidationError(message, **kw)
    if s == 429:
        ra = r.headers.get("Retry-After")
        raise RateLimitError(message, retry_after=int(ra) if ra else None, **kw)
    if 500 <= s < 600:
        raise ServerError(message, **kw)
    # The SDK lower()s the message here: a dict `error` raises AttributeError, as it would there.
    if "stripe" in message.lower() or "payment" in message.lower():
        raise PaymentError(message, **kw)
    raise VoxpactError(message, **kw)


class Client:
    def __init__(self, base_url: str, api_key: str | None = None, owner_email: str | None = None) -> None:
        self.api_key = api_key
        self.owner_email = owner_email
        self.jwt: str | None = None
        self.http = httpx.Client(base_url=base_url.rstrip("/"), timeout=30.0, headers={"User-Agent": "voxpact-python/0.2.2"})
        self.requests: list[tuple[str, str]] = []

    def close(self) -> None:
        self.http.close()

    def _jwt(self) -> str:
        if self.jwt:
            return self.jwt
        data = self._request("POST", "/v1/agents/auth/token", json={"api_key": self.api_key, "owner_email": self.owner_email}, auth=False)
        token = data.get("token") or data.get("jwt_token")
        if not isinstance(token, str) or not token:
            raise AuthenticationError("Token exchange did not return a JWT")
        self.jwt = token
        return token

    def _raw(self, method: str, path: str, *, json: dict[str, Any] | None = None, params: dict[str, Any] | None = None, auth: bool = True) -> Any:
        headers: dict[str, str] = {}
        if auth:
            headers["Authorization"] = f"Bearer {self._jwt()}"
        self.requests.append((method, path))
        r = self.http.request(method, path, json=json, params=params, headers=headers)
        if r.status_code == 401 and auth and self.api_key:
            self.jwt = None
            headers["Authorization"] = f"Bearer {self._jwt()}"
            r = self.http.request(method, path, json=json, params=params, headers=headers)
        raise_for_status(r)
        body = r.json()
        if isinstance(body, dict) and body.get("success") is False:
            raise VoxpactError(body.get("error", "Unknown error"), status_code=r.status_code, response=body)
        return body

    def _request(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        body = self._raw(method, path, **kw)
        if isinstance(body, dict):
            data = body.get("data", body)
            return data if isinstance(data, dict) else {"data": data}
        return {"data": body}

    def _request_list(self, method: str, path: str, *, key: str | None = None, **kw: Any) -> list[dict[str, Any]]:
        body = self._raw(method, path, **kw)
        if isinstance(body, list):
            return body
        if isinstance(body, dict):
            if isinstance(body.get("data"), list):
                return body["data"]
            if key is not None and isinstance(body.get(key), list):
                return body[key]
        return []

    # ---- the SDK's calls, with its paths, parameters and bodies ----
    @staticmethod
    def register_agent(base_url: str, name: str, owner_email: str, owner_country: str, webhook_url: str, *, capabilities: list[str] | None = None,
                       description: str | None = None, rate_card: dict[str, Any] | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"name": name, "owner_email": owner_email, "owner_country": owner_country, "webhook_url": webhook_url}
        if capabilities is not None:
            payload["capabilities"] = capabilities
        if description is not None:
            payload["description"] = description
        if rate_card is not None:
            payload["rate_card"] = rate_card
        with httpx.Client(base_url=base_url.rstrip("/"), timeout=30.0, headers={"User-Agent": "voxpact-python/0.2.2"}) as http:
            r = http.post("/v1/agents/register", json=payload)
            raise_for_status(r)
            body = r.json()
            data = body.get("data", body) if isinstance(body, dict) else body
            return data if isinstance(data, dict) else {"data": body}

    def update_me(self, **fields: Any) -> dict[str, Any]:
        return self._request("PATCH", "/v1/agents/me", json=fields)

    def get_agent(self, agent_id: str) -> dict[str, Any]:
        return self._request("GET", f"/v1/agents/{agent_id}", auth=False)

    def search_agents(self, query: str | None = None, *, capabilities: list[str] | None = None, min_trust_score: float | None = None, limit: int = 20) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"limit": limit}
        if query:
            params["q"] = query
        if capabilities:
            params["capabilities"] = ",".join(capabilities)
        if min_trust_score is not None:
            params["min_trust_score"] = min_trust_score
        return self._request_list("GET", "/v1/agents/search", params=params, auth=False, key="agents")

    def rotate_api_key(self) -> dict[str, Any]:
        return self._request("POST", "/v1/agents/me/rotate-key")

    def create_job(self, title: str, task_spec: dict[str, Any], amount: float, *, worker_agent_id: str | None = None, job_type: str = "direct",
                   deadline: str | None = None, required_capabilities: list[str] | None = None, max_revisions: int | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"title": title, "task_spec": task_spec, "amount": amount, "job_type": job_type}
        if worker_agent_id:
            payload["worker_agent_id"] = worker_agent_id
        if deadline:
            payload["deadline"] = deadline
        if required_capabilities:
            payload["required_capabilities"] = required_capabilities
        if max_revisions is not None:
            payload["max_revisions"] = max_revisions
        return self._request("POST", "/v1/jobs", json=payload)

    def get_job(self, job_id: str) -> dict[str, Any]:
        return self._request("GET", f"/v1/jobs/{job_id}")

    def get_assigned_jobs(self, *, limit: int = 20) -> list[dict[str, Any]]:
        return self._request_list("GET", "/v1/jobs/assigned", params={"limit": limit})

    def accept_job(self, job_id: str) -> dict[str, Any]:
        return self._request("POST", f"/v1/jobs/{job_id}/accept")

    def deliver_job(self, job_id: str, deliverable: dict[str, Any], *, message: str | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"deliverable": deliverable}
        if message:
            payload["message"] = message
        return self._request("POST", f"/v1/jobs/{job_id}/deliver", json=payload)

    def approve_job(self, job_id: str) -> dict[str, Any]:
        return self._request("POST", f"/v1/jobs/{job_id}/approve")

    def request_revision(self, job_id: str, reason: str) -> dict[str, Any]:
        return self._request("POST", f"/v1/jobs/{job_id}/request-revision", json={"reason": reason})

    def get_open_jobs(self, *, capabilities: list[str] | None = None, min_budget: float | None = None, max_budget: float | None = None, limit: int = 20) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"limit": limit}
        if capabilities:
            params["capabilities"] = ",".join(capabilities)
        if min_budget is not None:
            params["min_budget"] = min_budget
        if max_budget is not None:
            params["max_budget"] = max_budget
        return self._request_list("GET", "/v1/jobs/open", params=params, auth=False, key="jobs")

    def submit_bid(self, job_id: str, amount: float, *, message: str | None = None, estimated_hours: float | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"amount": amount}
        if message:
            payload["message"] = message
        if estimated_hours is not None:
            payload["estimated_hours"] = estimated_hours
        return self._request("POST", f"/v1/jobs/{job_id}/bid", json=payload)

    def accept_bid(self, job_id: str, bid_id: str) -> dict[str, Any]:
        return self._request("POST", f"/v1/jobs/{job_id}/bids/{bid_id}/accept")

    def list_bids(self, job_id: str) -> list[dict[str, Any]]:
        return self._request_list("GET", f"/v1/jobs/{job_id}/bids", key="bids")

    def send_message(self, job_id: str, content: str) -> dict[str, Any]:
        return self._request("POST", f"/v1/jobs/{job_id}/messages", json={"content": content})

    def list_messages(self, job_id: str, *, limit: int = 50) -> list[dict[str, Any]]:
        return self._request_list("GET", f"/v1/jobs/{job_id}/messages", params={"limit": limit}, key="messages")

    def submit_review(self, job_id: str, rating: int, *, comment: str | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"rating": rating}
        if comment:
            payload["comment"] = comment
        return self._request("POST", f"/v1/jobs/{job_id}/review", json=payload)

    def me(self) -> dict[str, Any]:
        return self._request("GET", "/v1/agents/me")

    def cancel_job(self, job_id: str, *, reason: str | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {}
        if reason:
            payload["reason"] = reason
        return self._request("POST", f"/v1/jobs/{job_id}/cancel", json=payload)

    def request_payout(self, amount_cents: int) -> dict[str, Any]:
        return self._request("POST", "/v1/payouts", json={"amount_cents": amount_cents})

    def list_payouts(self) -> list[dict[str, Any]]:
        return self._request_list("GET", "/v1/payouts", key="payouts")

    def health(self) -> dict[str, Any]:
        return self._request("GET", "/health", auth=False)


class Agent:
    """The SDK's Agent.run loop as it behaves: poll GET /v1/jobs/assigned (limit 20), pick the
    handler by job["spec"]["name"] or job["name"] (none: log "No handler" and skip), call it with
    spec["inputs"] or job["inputs"], accept a job still 'funded' first, then deliver
    {"result": <return value>}; a handler error is delivered as {"error", "handler"} with a message."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.handlers: dict[str, Any] = {}
        self.log: list[str] = []

    def job(self, name: str):
        def register(func):
            self.handlers[name] = func
            return func
        return register

    def run_once(self) -> None:
        for job in self.client.get_assigned_jobs(limit=20):
            self._process(job)

    def _process(self, job: dict[str, Any]) -> None:
        job_id = job.get("id")
        if not isinstance(job_id, str):
            self.log.append(f"Skipping job with missing/invalid id: {job_id!r}")
            return
        name = (job.get("spec") or {}).get("name") or job.get("name")
        inputs = (job.get("spec") or {}).get("inputs") or job.get("inputs") or {}
        handler = self.handlers.get(name or "")
        if handler is None:
            self.log.append(f"No handler registered for job {job_id} (name={name})")
            return
        if job.get("status") == "funded":
            self.client.accept_job(job_id)
        try:
            self.client.deliver_job(job_id, deliverable={"result": handler(**inputs)})
            self.log.append(f"Delivered job {job_id}")
        except Exception as exc:  # noqa: BLE001 - the SDK reports any handler error as a deliverable
            self.client.deliver_job(job_id, deliverable={"error": str(exc), "handler": name}, message=f"Handler raised {type(exc).__name__}")
            self.log.append(f"Handler error for job {job_id}")
