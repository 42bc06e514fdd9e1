"""`client.sms`: the resource (resource.py), sending many texts at once (send_many.py over bulk.py), and how a
text is split into SMS segments (segments.py).
"""
