"""The server stack of ``agora-chat-emulator serve``: connections without Nagle's delay.

``serve`` runs uvicorn on asyncio's event loop (``server.server_config``), which turns Nagle's
algorithm off only on connections whose listening socket says IPPROTO_TCP. With it on, the body
of each response, sent right after its headers, waits for the client's delayed ACK (40 ms).
"""

from __future__ import annotations

import asyncio
import importlib.util
import socket

from agora_chat_emulator.server import listen, server_config


def test_serve_runs_on_asyncios_own_event_loop_not_uvloop() -> None:
    # uvloop is installed (uvicorn[standard]), so uvicorn's default "auto" would run it.
    assert importlib.util.find_spec("uvloop") is not None
    loop_factory = server_config(None, "warning").get_loop_factory()
    assert loop_factory is not None
    loop = loop_factory()
    try:
        assert isinstance(loop, asyncio.SelectorEventLoop), type(loop)
    finally:
        loop.close()


def test_connections_accepted_on_the_serve_socket_have_nagle_off() -> None:
    listener = listen("127.0.0.1", 0)
    port = listener.getsockname()[1]
    nodelay: list[int] = []

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            nodelay.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def connect_once() -> None:
        server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
        async with server:
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
            for _ in range(200):
                if nodelay:
                    break
                await asyncio.sleep(0.01)
            writer.close()

    asyncio.run(connect_once())
    assert nodelay == [1]
