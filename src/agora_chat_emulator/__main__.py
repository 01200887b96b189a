from agora_chat_emulator.cli import main

main()
