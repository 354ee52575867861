"""Echo server: an asyncio Protocol on uvloop; the code is asyncio_protocol.py's.

    python uvloop_protocol.py PORT
"""

import sys

import uvloop
from asyncio_protocol import main

if __name__ == "__main__":
    uvloop.run(main(int(sys.argv[1])))
