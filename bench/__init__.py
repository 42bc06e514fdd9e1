"""Benchmarks of the withallo SDK against floors measured in the same run (`make bench` = `python -m bench`).

Each benchmark compares what the SDK costs with the least a hand-written caller could pay for the same result
(a bare httpx request + json.loads, a bare json.loads, a bare `import httpx`), as the median ratio of several
rounds, and says PASS or MISS against the target of issue 6. `python -m bench --quick` runs each one tiny.
"""
