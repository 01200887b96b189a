"""One method per operationId of openapi.yaml, in the spec's order: read the call, ask the store,
render with ``views``. Method names are the operationIds in snake_case."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agora_chat_emulator import views
from agora_chat_emulator.domain import UNSET
from agora_chat_emulator.requests import Call
from agora_chat_emulator.store import Store
from agora_chat_emulator.views import Json, Views


class Handlers:
    def __init__(self, store: Store, render: Views) -> None:
        self.store = store
        self.render = render

    def handler(self, operation_id: str) -> Callable[[Call], Json]:
        """The method serving ``operation_id``; a spec operation without one fails at start-up."""
        snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in operation_id)
        found: Callable[[Call], Json] | None = getattr(self, snake, None)
        if found is None:
            raise RuntimeError(f"openapi.yaml operation {operation_id} has no emulator handler")
        return found

    # --- App token ------------------------------------------------------------------------

    def create_app_token(self, call: Call) -> Json:
        body = call.body
        ttl = body.get("ttl")
        # A number (60.0 is an integer to JSON Schema), a numeric string, or "" for the default.
        ttl = None if ttl in (None, "") else int(ttl)
        if body["grant_type"] == "password":
            user_token = self.store.user_token_by_password(body["username"], body["password"], ttl)
            return views.user_token(user_token)
        if body["grant_type"] == "inherit":
            # Only this grant takes the app token; the others ignore any Authorization sent.
            self.store.check_token(call.token)
            user_token = self.store.user_token_by_user_id(
                body["username"], auto_create=body.get("autoCreateUser", False), ttl=ttl
            )
            return views.user_token(user_token)
        issued = self.store.issue_token(
            body["grant_type"], body["client_id"], body["client_secret"], ttl
        )
        return views.token(issued)

    # --- Users ----------------------------------------------------------------------------

    def register_users(self, call: Call) -> Json:
        batch = isinstance(call.body, list)
        created, failures = self.store.register_users(
            call.body if batch else [call.body], batch=batch
        )
        envelope = self.render.service(call.exchange, entities=[views.user(u) for u in created])
        if batch:
            envelope["data"] = views.register_failures(failures)
        return envelope

    def get_user(self, call: Call) -> Json:
        user = self.store.get_user(call.path["username"])
        return self.render.service(call.exchange, entities=[views.user(user)], count=1)

    def delete_user(self, call: Call) -> Json:
        user = self.store.delete_user(call.path["username"])
        return self.render.service(call.exchange, entities=[views.user(user)])

    # --- Push settings --------------------------------------------------------------------

    def set_push_profile(self, call: Call) -> Json:
        body: Json = call.body or {}
        style = body.get("notification_display_style", UNSET)
        user = self.store.update_user(
            call.path["username"],
            nickname=body.get("nickname", UNSET),
            display_style=int(style) if style is not UNSET else UNSET,
            no_disturbing=body.get("notification_no_disturbing", UNSET),
            no_disturbing_start=body.get("notification_no_disturbing_start", UNSET),
            no_disturbing_end=body.get("notification_no_disturbing_end", UNSET),
        )
        return self.render.service(call.exchange, entities=[views.user(user)])

    def set_push_binding(self, call: Call) -> Json:
        body = call.body
        bindings = self.store.bind_device(
            call.path["username"], body["device_id"], body["device_token"], body["notifier_name"]
        )
        return self.render.service(
            call.exchange, path=None, entities=[views.push_binding(b) for b in bindings]
        )

    def get_push_binding(self, call: Call) -> Json:
        bindings = self.store.get_bindings(call.path["username"])
        return self.render.service(
            call.exchange, path=None, entities=[views.push_binding(b) for b in bindings]
        )

    def set_push_nicknames(self, call: Call) -> Json:
        pairs = self.store.set_push_nicknames(call.body)
        return self.render.service(
            call.exchange, path="/push", entities=[views.push_nickname(*pair) for pair in pairs]
        )

    def set_notification_setting(self, call: Call) -> Json:
        body: Json = call.body or {}
        setting = self.store.set_push_setting(
            call.path["username"],
            call.path["chattype"],
            call.path["key"],
            mode=body.get("type"),
            interval=body.get("ignoreInterval"),
            duration_ms=body.get("ignoreDuration"),
        )
        return self.render.service(call.exchange, data=views.push_setting(setting))

    def get_notification_setting(self, call: Call) -> Json:
        setting = self.store.get_push_setting(
            call.path["username"], call.path["chattype"], call.path["key"]
        )
        return self.render.service(call.exchange, data=views.push_setting(setting))

    def set_push_language(self, call: Call) -> Json:
        language = self.store.set_language(call.path["username"], call.body["translationLanguage"])
        return self.render.service(call.exchange, data=views.language(language))

    def get_push_language(self, call: Call) -> Json:
        language = self.store.get_language(call.path["username"])
        return self.render.service(call.exchange, data=views.language(language))

    def set_receiver_push_template(self, call: Call) -> Json:
        name = self.store.set_receiver_template(call.path["username"], call.body["templateName"])
        return self.render.service(call.exchange, data=views.receiver_template(name))

    def get_receiver_push_template(self, call: Call) -> Json:
        name = self.store.get_receiver_template(call.path["username"])
        return self.render.service(call.exchange, data=views.receiver_template(name))

    # --- Push templates -------------------------------------------------------------------

    def create_push_template(self, call: Call) -> Json:
        body = call.body
        template = self.store.create_template(
            body["name"], body["title_pattern"], body["content_pattern"]
        )
        return self.render.service(call.exchange, path=None, data=views.template(template))

    def get_push_template(self, call: Call) -> Json:
        template = self.store.get_template(call.path["name"])
        return self.render.service(call.exchange, path=None, data=views.template(template))

    def delete_push_template(self, call: Call) -> Json:
        template = self.store.delete_template(call.path["name"])
        return self.render.service(call.exchange, path=None, data=views.template(template))

    # --- Chat rooms -----------------------------------------------------------------------

    def create_chatroom(self, call: Call) -> Json:
        body = call.body
        room_id = self.store.create_room(
            body["name"],
            body["description"],
            body["owner"],
            maxusers=body.get("maxusers", 1000),
            members=body.get("members"),
            custom=body.get("custom", ""),
            room_id=body.get("roomid") or body.get("groupid"),
        )
        return self.render.chatroom(call.exchange, {"id": room_id})

    def get_chatroom(self, call: Call) -> Json:
        rooms = self.store.get_rooms(call.path["chatroom_id"].split(","))
        return self.render.chatroom(call.exchange, [views.room(r) for r in rooms], count=len(rooms))

    def delete_chatroom(self, call: Call) -> Json:
        room_id = call.path["chatroom_id"]
        self.store.delete_room(room_id)
        return self.render.chatroom(call.exchange, views.room_deleted(room_id))

    # --- Chat-room members ----------------------------------------------------------------

    def list_chatroom_members(self, call: Call) -> Json:
        page, _total = self.store.list_members(
            call.path["chatroom_id"],
            pagenum=call.query.get("pagenum", 1),
            pagesize=call.query.get("pagesize", 1000),
        )
        params = {name: [str(value)] for name, value in call.query.items()}
        return self.render.chatroom(
            call.exchange, views.affiliations(page), count=len(page), params=params
        )

    def add_chatroom_member(self, call: Call) -> Json:
        room_id = call.path["chatroom_id"]
        username = self.store.add_member(room_id, call.path["username"])
        return self.render.chatroom(call.exchange, views.member_added(room_id, username))

    def add_chatroom_members(self, call: Call) -> Json:
        room_id = call.path["chatroom_id"]
        added = self.store.add_members(room_id, call.body["usernames"])
        return self.render.chatroom(call.exchange, views.members_added(room_id, added))

    def remove_chatroom_member(self, call: Call) -> Json:
        room_id = call.path["chatroom_id"]
        # A comma in the segment selects the batch form and its array reply (D104).
        names = call.path["username"].split(",")
        if len(names) > 1:
            removals = self.store.remove_members(room_id, names)
            return self.render.chatroom(call.exchange, views.members_removed(room_id, removals))
        username = self.store.remove_member(room_id, names[0])
        return self.render.chatroom(call.exchange, views.member_removed(room_id, username))

    # --- Chat-room attributes -------------------------------------------------------------

    def get_chatroom_attributes(self, call: Call) -> Json:
        keys = (call.body or {}).get("keys")
        found = self.store.get_attributes(call.path["chatroom_id"], keys or None)
        return self.render.attributes(call.exchange, found)

    def _set_attributes(self, call: Call, *, forced: bool) -> Json:
        body = call.body
        results = self.store.set_attributes(
            call.path["chatroom_id"],
            call.path["username"],
            body["metaData"],
            str(body.get("autoDelete", "DELETE")).upper(),
            forced=forced,
        )
        return self.render.attributes(call.exchange, views.key_results(results))

    def set_chatroom_attributes(self, call: Call) -> Json:
        return self._set_attributes(call, forced=False)

    def force_set_chatroom_attributes(self, call: Call) -> Json:
        return self._set_attributes(call, forced=True)

    def _delete_attributes(self, call: Call, *, forced: bool, **extra: Any) -> Json:
        keys = (call.body or {}).get("keys") or []
        results = self.store.delete_attributes(
            call.path["chatroom_id"], call.path["username"], keys, forced=forced
        )
        return self.render.attributes(call.exchange, views.key_results(results), **extra)

    def delete_chatroom_attributes(self, call: Call) -> Json:
        return self._delete_attributes(call, forced=False, status="ok")

    def force_delete_chatroom_attributes(self, call: Call) -> Json:
        return self._delete_attributes(call, forced=True)
