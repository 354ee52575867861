"""UDP echo server: an asyncio DatagramProtocol on uvloop; the code is asyncio_datagram.py's.

    python uvloop_datagram.py PORT
"""

import sys

import uvloop
from asyncio_datagram import main

if __name__ == "__main__":
    uvloop.run(main(int(sys.argv[1])))
