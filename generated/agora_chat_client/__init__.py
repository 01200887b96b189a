"""A client library for accessing Agora Chat REST API — offline push settings and chat-room attributes"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
