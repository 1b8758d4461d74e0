"""The server outside any page: the origin guard and security headers on every response,
the health routes and the warm-up before the first reader.
"""
