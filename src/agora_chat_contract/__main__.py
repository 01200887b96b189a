from agora_chat_contract.cli import main

main()
