"""Allo webhooks in Django: the secret URL, the receiver, and the status codes Allo expects.

In your project:
    settings.py   WITHALLO_WEBHOOK_TOKEN = os.environ["WITHALLO_WEBHOOK_TOKEN"]   # >= 32 characters
    urls.py       urlpatterns = [..., path("", include("examples.webhooks_django"))]
then register https://<your host>/webhooks/allo/<token> with client.webhooks.create(...).

404 for a wrong token (as if the route did not exist), then whatever `WebhookReceiver.respond` says: 200 when handled
(also when our own handler failed, so Allo does not replay forever), 400 invalid payload, 401 bad signature,
403 not one of our numbers, 503 dedupe store down. The token is masked in the server's access log (*** instead).
README: "Testing your webhook endpoint" shows how to test such an app with the fake.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from examples.webhook_handlers import build_receiver
from withallo_ext import WebhookReceiver, hide_webhook_tokens, verify_path_token


def allo_webhook_view(receiver: WebhookReceiver) -> Callable[[HttpRequest, str], HttpResponse]:
    """The view for `receiver`; the expected token is read from settings.WITHALLO_WEBHOOK_TOKEN."""

    @csrf_exempt  # Allo sends no CSRF token: the secret URL (and the signature, when set) authenticate it instead
    @require_POST
    def allo_webhook(request: HttpRequest, token: str) -> HttpResponse:
        if not verify_path_token(settings.WITHALLO_WEBHOOK_TOKEN, token):
            raise Http404
        result = receiver.respond(request.body, request.headers)  # the raw bytes: what a signature covers
        return JsonResponse(result.body, status=result.status)

    return allo_webhook


hide_webhook_tokens()  # access logs (gunicorn, runserver, uvicorn) show /webhooks/allo/*** instead of the token
urlpatterns = [path("webhooks/allo/<str:token>", allo_webhook_view(build_receiver()), name="allo-webhook")]
