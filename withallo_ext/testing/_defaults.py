"""The fake Allo's fixed addresses and default key: where its API lives, and the key it accepts unless told.

A leaf of the package (it imports nothing): the fake, its server and the command line all take these from here, so
none of them imports another just for a constant.
"""

DEFAULT_API_KEY = "fake_allo_test_key"
API_PATH = "/v1/api"
DEFAULT_BASE_URL = "https://api.withallo.test" + API_PATH  # `.test` never resolves: nothing leaves the process
