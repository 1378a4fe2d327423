/* Error texts and the version string. */
#include "config.h"

#include "briefcast/common.h"

const char *bc_strerror(int code)
{
    switch (code) {
    case BC_OK: return "success";
    case BC_EINVAL: return "invalid argument";
    case BC_ENOMEM: return "out of memory";
    case BC_EIO: return "input/output error";
    case BC_EEMPTY: return "no text to read";
    case BC_EBINARY: return "binary data, not text";
    case BC_EUTF8: return "not valid UTF-8";
    case BC_EFORMAT: return "malformed input";
    case BC_ESYNTH: return "speech synthesis failed";
    case BC_EENCODE: return "audio encoding failed";
    case BC_ENOTFOUND: return "not found";
    case BC_ETOOBIG: return "input too large";
    case BC_EBUSY: return "resource busy";
    case BC_EINTR: return "cancelled";
    default: return "unknown error";
    }
}

const char *bc_version(void)
{
    return BC_VERSION;
}
