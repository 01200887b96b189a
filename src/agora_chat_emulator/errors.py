"""Domain exceptions carrying the exact error bodies of the real Agora Chat service.

Routes and the store raise these by factory name; the HTTP layer only renders ``body()``.
"""

from __future__ import annotations


class ApiError(Exception):
    """An error the service reports as ``{error, exception, timestamp, duration, ...}``."""

    def __init__(
        self,
        status: int,
        error: str,
        exception: str,
        description: str,
        error_code: int | None = None,
        *,
        desc: str | None = None,
        allow: str | None = None,
    ) -> None:
        super().__init__(f"{status} {error}: {description}")
        self.status = status
        self.error = error
        self.exception = exception
        self.description = description
        self.error_code = error_code
        self.desc = desc
        # The ``Allow`` header value of a 405 response.
        self.allow = allow

    def body(self, now_ms: int, duration_ms: int) -> dict[str, object]:
        """The JSON error body as the real service sends it."""
        out: dict[str, object] = {
            "error": self.error,
            "exception": self.exception,
            "timestamp": now_ms,
            "duration": duration_ms,
            "error_description": self.description,
        }
        if self.error_code is not None:
            out["error_code"] = self.error_code
        if self.desc is not None:
            out["desc"] = self.desc
        return out


_UNAUTHORIZED = "UnauthorizedException"
_ILLEGAL = "IllegalArgumentException"
_RESOURCE_NOT_FOUND = "ResourceNotFoundException"
_DUPLICATE = "DuplicateUniquePropertyExistsException"
_INVALID_GRANT = "InvalidGrantException"


# --- authentication -------------------------------------------------------------------------


def missing_token() -> ApiError:
    """The vendor's token-error table gives no token the expired-token sentence (D102)."""
    return expired_token()


def malformed_token() -> ApiError:
    return ApiError(
        401,
        "auth_bad_access_token",
        _UNAUTHORIZED,
        "Unable to authenticate due to corrupt access token",
    )


def unknown_token() -> ApiError:
    return ApiError(401, "auth_bad_access_token", _UNAUTHORIZED, "Unable to authenticate")


def expired_token() -> ApiError:
    return ApiError(
        401,
        "unauthorized",
        _UNAUTHORIZED,
        "Unable to authenticate due to expired access token",
    )


def wrong_token_kind() -> ApiError:
    """A valid token the operation does not take: a user token where only the app token is
    accepted, the app token where only a user token is, or another user's token (D99)."""
    return malformed_token()


def registration_not_open() -> ApiError:
    """Registration's answer to any refused token (D102)."""
    return ApiError(
        401,
        "unauthorized",
        _UNAUTHORIZED,
        "registration is not open, please contact the app admin",
    )


def app_not_found(org: str, app: str, rest: str) -> ApiError:
    return ApiError(
        404,
        "organization_application_not_found",
        "ApplicationNotFoundException",
        f"Could not find application for {org}/{app} from URI: {org}/{app}/{rest}",
    )


def client_id_mismatch() -> ApiError:
    return ApiError(400, "invalid_grant", _INVALID_GRANT, "client_id does not match")


def client_secret_mismatch() -> ApiError:
    return ApiError(400, "invalid_grant", _INVALID_GRANT, "client_secret does not match")


def token_user_not_found() -> ApiError:
    return ApiError(404, "invalid_grant", _INVALID_GRANT, "user not found")


def wrong_password() -> ApiError:
    return ApiError(400, "invalid_grant", _INVALID_GRANT, "invalid username or password")


def username_not_legal(username: str) -> ApiError:
    return ApiError(400, "illegal_argument", _ILLEGAL, f"username [{username}] is not legal")


def username_too_long() -> ApiError:
    return ApiError(400, "illegal_argument", _ILLEGAL, "USERNAME_TOO_LONG")


def unsupported_grant_type() -> ApiError:
    return ApiError(400, "illegal_argument", _ILLEGAL, "grant_type must be client_credentials")


# --- request validation ---------------------------------------------------------------------


def json_parse(detail: str) -> ApiError:
    return ApiError(400, "json_parse", "JsonParseException", detail)


def invalid_parameter(text: str) -> ApiError:
    """The chat-room family's code for a missing required field (``<field> must be provided``)."""
    return ApiError(400, "invalid_parameter", "InvalidParameterException", text)


def invalid_argument(text: str) -> ApiError:
    return ApiError(400, "illegal_argument", _ILLEGAL, text)


# --- push family ----------------------------------------------------------------------------


def push_bad_parameter(field: str, reason: str | None = None) -> ApiError:
    """The service's sentence names only the field; ``reason`` (in ``desc``) says what is wrong."""
    return ApiError(
        400, "illegal_argument", _ILLEGAL, f"parameters is invalid : {field}", desc=reason
    )


def push_user_not_found() -> ApiError:
    return ApiError(
        400,
        "illegal_argument",
        "RequiredPropertyNotFoundException",
        "Entity user requires a property named username",
    )


def template_not_found(name: str) -> ApiError:
    return ApiError(
        400, "illegal_argument", "EntityNotFoundException", f"{name} template is not exist"
    )


def template_exists(name: str) -> ApiError:
    return ApiError(
        400, "duplicate_unique_property_exists", _DUPLICATE, f"{name} template is exist"
    )


# --- users ----------------------------------------------------------------------------------


def user_not_found(username: str) -> ApiError:
    # The real body does not name the user; the argument keeps call sites self-describing.
    del username
    return ApiError(
        404, "service_resource_not_found", "UserNotFoundException", "Service resource not found"
    )


def user_exists(app_uuid: str, username: str) -> ApiError:
    return ApiError(
        400,
        "duplicate_unique_property_exists",
        _DUPLICATE,
        f"Application {app_uuid} Entity user requires that property named username be unique, "
        f"value of {username} exists",
    )


def password_missing() -> ApiError:
    """Registration without a password where the deployment requires one (D108)."""
    return ApiError(400, "illegal_argument", _ILLEGAL, "password or pin must provided")


def different_passwords(username: str, passwords: list[str]) -> ApiError:
    """One username twice in a batch with two passwords (D109); the service names them all."""
    return ApiError(
        400,
        "duplicate_unique_property_exists",
        _DUPLICATE,
        f"the same user {username} has a different password, the passwords are "
        f"{','.join(passwords)}",
    )


# --- chat rooms -----------------------------------------------------------------------------


def room_not_found(room_id: str) -> ApiError:
    """Room missing on delete, membership and metadata calls."""
    return ApiError(
        404, "resource_not_found", _RESOURCE_NOT_FOUND, f"grpID {room_id} does not exist!"
    )


def group_not_found(room_id: str) -> ApiError:
    """Room missing on room details and member list (a different body on the real service)."""
    return ApiError(
        404, "service_resource_not_found", _RESOURCE_NOT_FOUND, f"do not find this group:{room_id}"
    )


def username_not_found(username: str) -> ApiError:
    return ApiError(
        404, "resource_not_found", _RESOURCE_NOT_FOUND, f"username {username} doesn't exist!"
    )


def room_id_taken(room_id: str) -> ApiError:
    return ApiError(400, "illegal_argument", _ILLEGAL, f"group ID {room_id} already exists!")


def exceed_limit() -> ApiError:
    return ApiError(
        403, "exceed_limit", "ExceedLimitException", "members size is greater than max user size !"
    )


def not_members(username: str) -> ApiError:
    return ApiError(
        400,
        "forbidden_op",
        "ForbiddenOpException",
        f"users [{username}] are not members of this group!",
    )


def already_member(username: str, room_id: str) -> ApiError:
    """Adding a member again, where the deployment refuses it (D106)."""
    return ApiError(
        400,
        "forbidden_op",
        "ForbiddenOpException",
        f"can not join this group, reason:user: {username} already in group: {room_id}",
    )


KICK_BATCH_MAX = 60


def kick_batch_too_large(limit: int) -> ApiError:
    return ApiError(
        400,
        "invalid_parameter",
        "InvalidParameterException",
        f"kickMember: kickMembers number more than maxSize : {limit}",
    )


def forbidden_owner() -> ApiError:
    return ApiError(
        403, "forbidden_op", "ForbiddenOpException", "forbidden operation on group owner!"
    )


# --- chat-room attributes -------------------------------------------------------------------


def metadata_not_member() -> ApiError:
    return ApiError(401, "unauthorized", "MetadataException", "user is not in chatroom", 60011)


def metadata_batch_too_large() -> ApiError:
    return ApiError(400, "illegal_argument", "MetadataException", "exceed allowed batch size 10")


def metadata_others_key() -> ApiError:
    """Setting a key another member owns, where the deployment refuses the request (D107)."""
    return ApiError(
        400, "illegal_argument", "MetadataException", "others are not allowed to be set"
    )


# --- generic HTTP level ---------------------------------------------------------------------


def rate_limited() -> ApiError:
    """A bucket of ``x-agora-rate-limit`` (or ``--app-rate-limit``) is used up (D119)."""
    return ApiError(
        429, "reach_limit", "ReachLimitException", "This request has reached API limit."
    )


def unsupported_media_type() -> ApiError:
    """A body without ``Content-Type: application/json`` under ``content-type=required`` (D120)."""
    return ApiError(415, "web_application", "WebApplicationException", "Unsupported Media Type.")


def path_not_found() -> ApiError:
    return ApiError(
        404, "service_resource_not_found", "NotFoundException", "Service resource not found"
    )


def method_not_allowed(method: str, allow: str) -> ApiError:
    return ApiError(
        405,
        "method_not_allowed",
        "MethodNotAllowedException",
        f"Request method '{method}' not supported",
        allow=allow,
    )


def body_too_large(limit_bytes: int) -> ApiError:
    """The code and sentence of Agora's status-code page; ``desc`` names the limit (D121)."""
    return ApiError(
        413,
        "Request Entity Too Large",
        "RequestEntityTooLargeException",
        "Request Entity Too Large.",
        desc=f"Request body exceeds {limit_bytes} bytes",
    )


def client_disconnected() -> ApiError:
    """The client went away mid-body; the answer is never read (no such body in the service)."""
    return ApiError(400, "client_disconnected", "ClientAbortException", "Client disconnected")


def malformed_request() -> ApiError:
    """What the HTTP parser refuses (bad request line, CL/TE conflicts, ...), before any route."""
    return ApiError(400, "bad_request", "BadRequestException", "Invalid HTTP request received")


def header_too_large(max_bytes: int, max_count: int) -> ApiError:
    return ApiError(
        431,
        "request_header_fields_too_large",
        "RequestHeaderFieldsTooLargeException",
        f"Request headers over {max_bytes} bytes or {max_count} fields",
    )


def control_refused(status: int, reason: str) -> ApiError:
    """A control endpoint refusing a request a web page could have sent (D76)."""
    return ApiError(status, "control_request_refused", "ControlRequestRefusedException", reason)


def storage_failed(cause: str) -> ApiError:
    """The emulator's SQLite file refused a write (``database or disk is full``, ...); the
    transaction was rolled back, nothing stored is lost."""
    return ApiError(500, "internal_error", "StorageException", f"Internal server error: {cause}")


def internal_error(detail: str | None = None) -> ApiError:
    return ApiError(
        500, "internal_error", "InternalErrorException", "Internal server error", desc=detail
    )
