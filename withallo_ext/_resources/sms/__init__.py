"""`client.sms`: the resource, sending many texts at once, and SMS segment counting."""
