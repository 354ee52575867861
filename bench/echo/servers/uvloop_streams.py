"""Echo server: asyncio streams on uvloop; the code is asyncio_streams.py's.

    python uvloop_streams.py PORT
"""

import sys

import uvloop
from asyncio_streams import main

if __name__ == "__main__":
    uvloop.run(main(int(sys.argv[1])))
