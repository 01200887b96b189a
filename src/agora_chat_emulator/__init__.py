"""A stateful local emulator of the Agora Chat REST API (push settings, chat-room attributes)."""

__version__ = "0.1.0"
