"""libcurl's error codes: each one's name, and what kind of failure it is for a link check.

By number, as curl/curl.h numbers them (the numbers never change): pycurl only names the codes
of the libcurl it was written for, and a newer libcurl returns codes an older pycurl has no
constant for (pycurl 7.49 with libcurl 8: TOO_LARGE, 100, for a header too large).

Kinds: "dns" (the name did not resolve), "connect", "timeout", "tls-name" (a certificate for
another host), "tls", "dropped" (the connection closed before the answer), "unreadable" (an
answer that is not HTTP, or too large to read), "url" (the URL cannot be sent), "other" (a
problem on artlint's side, or a protocol artlint does not use).
"""

from __future__ import annotations

PARTIAL_FILE = 18
WRITE_ERROR = 23
OPERATION_TIMEDOUT = 28

# code: (name, kind)
CURL_ERRORS: dict[int, tuple[str, str]] = {
    1: ("UNSUPPORTED_PROTOCOL", "unreadable"),  # for an http(s) URL: "Received HTTP/0.9", a bad status line
    2: ("FAILED_INIT", "other"),
    3: ("URL_MALFORMAT", "url"),
    4: ("NOT_BUILT_IN", "other"),
    5: ("COULDNT_RESOLVE_PROXY", "other"),
    6: ("COULDNT_RESOLVE_HOST", "dns"),
    7: ("COULDNT_CONNECT", "connect"),
    8: ("WEIRD_SERVER_REPLY", "unreadable"),
    9: ("REMOTE_ACCESS_DENIED", "other"),
    10: ("FTP_ACCEPT_FAILED", "other"),
    11: ("FTP_WEIRD_PASS_REPLY", "other"),
    12: ("FTP_ACCEPT_TIMEOUT", "other"),
    13: ("FTP_WEIRD_PASV_REPLY", "other"),
    14: ("FTP_WEIRD_227_FORMAT", "other"),
    15: ("FTP_CANT_GET_HOST", "other"),
    16: ("HTTP2", "dropped"),
    17: ("FTP_COULDNT_SET_TYPE", "other"),
    18: ("PARTIAL_FILE", "dropped"),
    19: ("FTP_COULDNT_RETR_FILE", "other"),
    21: ("QUOTE_ERROR", "other"),
    22: ("HTTP_RETURNED_ERROR", "other"),
    23: ("WRITE_ERROR", "other"),
    25: ("UPLOAD_FAILED", "other"),
    26: ("READ_ERROR", "other"),
    27: ("OUT_OF_MEMORY", "other"),
    28: ("OPERATION_TIMEDOUT", "timeout"),
    30: ("FTP_PORT_FAILED", "other"),
    31: ("FTP_COULDNT_USE_REST", "other"),
    33: ("RANGE_ERROR", "other"),
    35: ("SSL_CONNECT_ERROR", "tls"),
    36: ("BAD_DOWNLOAD_RESUME", "other"),
    37: ("FILE_COULDNT_READ_FILE", "other"),
    38: ("LDAP_CANNOT_BIND", "other"),
    39: ("LDAP_SEARCH_FAILED", "other"),
    42: ("ABORTED_BY_CALLBACK", "other"),
    43: ("BAD_FUNCTION_ARGUMENT", "other"),
    45: ("INTERFACE_FAILED", "other"),
    47: ("TOO_MANY_REDIRECTS", "other"),
    48: ("UNKNOWN_OPTION", "other"),
    49: ("SETOPT_OPTION_SYNTAX", "other"),
    52: ("GOT_NOTHING", "dropped"),
    53: ("SSL_ENGINE_NOTFOUND", "tls"),
    54: ("SSL_ENGINE_SETFAILED", "tls"),
    55: ("SEND_ERROR", "dropped"),
    56: ("RECV_ERROR", "dropped"),
    58: ("SSL_CERTPROBLEM", "tls"),
    59: ("SSL_CIPHER", "tls"),
    60: ("PEER_FAILED_VERIFICATION", "tls-name"),
    61: ("BAD_CONTENT_ENCODING", "unreadable"),
    63: ("FILESIZE_EXCEEDED", "unreadable"),
    64: ("USE_SSL_FAILED", "tls"),
    65: ("SEND_FAIL_REWIND", "other"),
    66: ("SSL_ENGINE_INITFAILED", "tls"),
    67: ("LOGIN_DENIED", "other"),
    68: ("TFTP_NOTFOUND", "other"),
    69: ("TFTP_PERM", "other"),
    70: ("REMOTE_DISK_FULL", "other"),
    71: ("TFTP_ILLEGAL", "other"),
    72: ("TFTP_UNKNOWNID", "other"),
    73: ("REMOTE_FILE_EXISTS", "other"),
    74: ("TFTP_NOSUCHUSER", "other"),
    77: ("SSL_CACERT_BADFILE", "tls"),
    78: ("REMOTE_FILE_NOT_FOUND", "other"),
    79: ("SSH", "other"),
    80: ("SSL_SHUTDOWN_FAILED", "tls"),
    81: ("AGAIN", "other"),
    82: ("SSL_CRL_BADFILE", "tls"),
    83: ("SSL_ISSUER_ERROR", "tls"),
    84: ("FTP_PRET_FAILED", "other"),
    85: ("RTSP_CSEQ_ERROR", "other"),
    86: ("RTSP_SESSION_ERROR", "other"),
    87: ("FTP_BAD_FILE_LIST", "other"),
    88: ("CHUNK_FAILED", "other"),
    89: ("NO_CONNECTION_AVAILABLE", "other"),
    90: ("SSL_PINNEDPUBKEYNOTMATCH", "tls"),
    91: ("SSL_INVALIDCERTSTATUS", "tls"),
    92: ("HTTP2_STREAM", "dropped"),
    93: ("RECURSIVE_API_CALL", "other"),
    94: ("AUTH_ERROR", "other"),
    95: ("HTTP3", "dropped"),
    96: ("QUIC_CONNECT_ERROR", "connect"),
    97: ("PROXY", "other"),
    98: ("SSL_CLIENTCERT", "tls"),
    99: ("UNRECOVERABLE_POLL", "other"),
    100: ("TOO_LARGE", "unreadable"),  # a header, or all of them, larger than libcurl reads
    101: ("ECH_REQUIRED", "tls"),
}


def curl_error(code: int) -> tuple[str, str]:
    """(name, kind) of a libcurl error code; a code newer than this table is "other"."""
    return CURL_ERRORS.get(code, (f"error {code}", "other"))
