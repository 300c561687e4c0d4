"""A reminder by mail: one message over SMTP, with implicit TLS (ssl), STARTTLS or neither (none).

send_mail() raises MailError with a short reason that names no secret; its
`retry` says whether trying again may help (a timeout, a lost connection,
a 4xx answer, to the recipients too) or not (a refused login, a 5xx to a recipient).
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from email.message import EmailMessage
from email.utils import formatdate, getaddresses, make_msgid, parseaddr

from tracker.notify.contacts import Smtp


class MailError(Exception):
    """A mail could not be handed to the SMTP server; the message is a short reason with no secret in it."""

    def __init__(self, reason: str, retry: bool):
        self.reason, self.retry = reason, retry
        super().__init__(reason)


def build(smtp: Smtp, to: tuple[str, ...], subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = smtp.sender
    msg["To"] = ", ".join(to)
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=parseaddr(smtp.sender)[1].rpartition("@")[2] or None)
    msg.set_content(body, charset="utf-8")
    return msg


def tls_context(smtp: Smtp) -> ssl.SSLContext:
    """The system's trusted certificates, and those of smtp.cafile when it is set (a private CA)."""
    context = ssl.create_default_context()
    if smtp.cafile:
        try:
            context.load_verify_locations(cafile=smtp.cafile)
        except (OSError, ssl.SSLError) as e:
            raise MailError(f"cannot read smtp.cafile: {getattr(e, 'strerror', None) or 'not PEM certificates'}",
                            retry=False) from None
    return context


def send_mail(smtp: Smtp, to: tuple[str, ...], subject: str, body: str, *, timeout: float = 10) -> None:
    """Hand one mail to the SMTP server; MailError (reason, retry) when it is not taken."""
    msg = build(smtp, to, subject, body)
    try:
        if smtp.security == "ssl":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=timeout, context=tls_context(smtp))
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
        with client:
            if smtp.security == "starttls":
                client.ehlo()
                if not client.has_extn("starttls"):
                    raise MailError("the server does not offer STARTTLS (set security in [smtp])", retry=False)
                client.starttls(context=tls_context(smtp))
            if smtp.user:
                client.login(smtp.user, smtp.password or "")
            addresses = [a for _, a in getaddresses(list(to))]
            refused = client.send_message(msg, to_addrs=addresses)
        if refused:  # some were refused, and the server took the mail for the others: say who has it
            took = ", ".join(a for a in addresses if a not in refused)
            raise MailError(f"recipient refused: {', '.join(sorted(refused))}; the others got it: {took}", retry=False)
    except MailError:
        raise
    except smtplib.SMTPAuthenticationError as e:
        raise MailError(f"login refused ({e.smtp_code})", retry=False) from None
    except smtplib.SMTPNotSupportedError:  # a non-ASCII address to a server without SMTPUTF8, or no AUTH
        raise MailError("the server does not support what this mail needs (SMTPUTF8 or AUTH)", retry=False) from None
    except smtplib.SMTPRecipientsRefused as e:
        codes = sorted({code for code, _ in e.recipients.values()})
        if all(400 <= code < 500 for code in codes):  # put off for now (greylisting, a full mailbox): try again
            raise MailError(f"server answered {'/'.join(map(str, codes))} to {', '.join(sorted(e.recipients))}",
                            retry=True) from None
        raise MailError(f"recipient refused: {', '.join(sorted(e.recipients))}", retry=False) from None
    except smtplib.SMTPResponseException as e:
        # 4xx: the server asks to try again later; 5xx: it will not take this mail.
        raise MailError(f"server answered {e.smtp_code}", retry=400 <= e.smtp_code < 500) from None
    except ssl.SSLCertVerificationError as e:
        raise MailError(f"certificate not trusted ({e.verify_message})", retry=False) from None
    except ssl.SSLError as e:
        raise MailError(f"TLS failed ({e.reason or 'handshake'})", retry=False) from None
    except (socket.timeout, TimeoutError):
        raise MailError("timed out", retry=True) from None
    except smtplib.SMTPServerDisconnected:
        raise MailError("the server closed the connection", retry=True) from None
    except ConnectionRefusedError:
        raise MailError("connection refused", retry=True) from None
    except socket.gaierror:
        raise MailError("host not found", retry=True) from None
    except ValueError as e:  # an address or header the mail cannot carry
        raise MailError(f"cannot send ({type(e).__name__})", retry=False) from None
    except (OSError, smtplib.SMTPException) as e:
        raise MailError(f"cannot send ({type(e).__name__})", retry=True) from None
