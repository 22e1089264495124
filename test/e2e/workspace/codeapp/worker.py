import os

orders = os.getenv("ORDERS_URL")
