"""Where reminders (催报) go: contacts.toml, the message, the robots and mail, and delivery with retries.

contacts.py reads contacts.toml; message.py composes a unit's message;
robots.py and mail.py speak each channel's protocol; send.py delivers the
messages (rate limit, retries, secrets kept out of every reason) or plans
a dry run. Nothing here prints or touches the database.
"""
