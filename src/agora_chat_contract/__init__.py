"""agora-chat-contract: property-tests openapi.yaml against the emulator or a real deployment."""
