"""In-app notifications with an unread count, mirrored by email through the worker.

Other apps declare what they tell people as a ``NotificationKind`` (kinds.py) and call
``services.notify``; texts are rendered in each recipient's language when shown or mailed.
"""
