"""One error shape for every API and page error, produced by one handler:

``{"error": {"status": 404, "code": "not_found", "message": "…what to do next"}}``

Pages (``Accept: text/html``) get the same message in the site's layout.
"""

from __future__ import annotations

from marsad.errors import ConfigError, InputError, MarsadError, NotFoundError

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 422: "invalid_parameter", 429: "too_many_requests", 500: "internal_error"}  # fmt: skip


def status_of(error: Exception) -> int:
    from starlette.exceptions import HTTPException

    from marsad.review.service import PermissionDenied
    from marsad.review.users import AuthError

    if isinstance(error, HTTPException):
        return error.status_code
    if isinstance(error, PermissionDenied):
        return 403
    if isinstance(error, AuthError):
        return 401
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, (InputError, ConfigError)):
        return 400
    return 500


def message_of(error: Exception) -> str:
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    if isinstance(error, RequestValidationError):
        parts = []
        for item in error.errors():
            where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "body", "path"))
            parts.append(f"{where}: {item.get('msg')}")
        return "; ".join(parts) or "Invalid request."
    if isinstance(error, HTTPException):
        return str(error.detail)
    if isinstance(error, MarsadError):
        return str(error)
    return "Something went wrong on the server; the error is logged. Try again, or report it with the time it happened."


def error_body(status: int, message: str) -> dict:
    return {"error": {"status": status, "code": CODES.get(status, "error"), "message": message}}


def install(app) -> None:
    """Route every error through :func:`handle`."""
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    for kind in (HTTPException, RequestValidationError, MarsadError, Exception):
        app.add_exception_handler(kind, handle)


async def handle(request, error: Exception):
    import logging

    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse

    status = 422 if isinstance(error, RequestValidationError) else status_of(error)
    if status >= 500:
        logging.getLogger("marsad.api").exception("error on %s %s", request.method, request.url.path, exc_info=error)
    message = message_of(error)
    headers = getattr(error, "headers", None) or {}
    if _wants_html(request):
        if status == 401:
            from fastapi.responses import RedirectResponse

            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        from marsad.web.render import render

        return render(request, "error.html", {"status": status, "message": message}, status_code=status)
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


def _wants_html(request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")
