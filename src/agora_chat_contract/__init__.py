"""The contract test of openapi.yaml as an installable command: ``agora-chat-contract run``."""
