/* libxml2 error capture: libxml2 reports through handlers, and the library
 * must never print, so every read installs these and turns what they saw
 * into one logged line. */
#include <string.h>

#include "html_internal.h"

void bci_xml_error(void *context, xmlErrorPtr error)
{
    bci_xml_errors *e = context;
    if (!e || !error)
        return;
    const char *message = error->message ? error->message : "";
    bool utf8 = (error->code == XML_ERR_INVALID_CHAR || error->code == XML_ERR_INVALID_ENCODING) &&
                strstr(message, "UTF-8");
    bool conversion = error->domain == XML_FROM_I18N || error->code == XML_IO_ENCODER;
    if (utf8 || conversion) {
        if (!e->not_utf8 && !e->conversion_error)
            e->encoding_line = error->line;
        e->not_utf8 |= utf8;
        e->conversion_error |= conversion;
    } else if (error->code == XML_ERR_INTERNAL_ERROR && strstr(message, "depth")) {
        e->too_deep = true;
        if (!e->stop_line)
            e->stop_line = error->line;
    } else if ((error->code == XML_ERR_NO_MEMORY || error->code == XML_ERR_INTERNAL_ERROR) &&
               (strstr(message, "huge") || strstr(message, "Huge"))) {
        /* libxml2's limits without XML_PARSE_HUGE: 10 MB of text in a node */
        e->too_big = true;
        if (!e->stop_line)
            e->stop_line = error->line;
    } else if (error->code == XML_ERR_NO_MEMORY) {
        e->out_of_memory = true;
    }
    if (error->level == XML_ERR_FATAL && !e->fatal_code) {
        e->fatal_code = error->code ? error->code : -1;
        e->fatal_line = error->line;
        e->fatal_column = error->int2;
        /* libxml2's messages end with a newline and may add a second line
         * (the bytes around a bad character): keep the first line. */
        size_t n = strcspn(message, "\r\n");
        while (n && message[n - 1] == ' ')
            n--;
        if (n >= sizeof e->fatal_message)
            n = sizeof e->fatal_message - 1;
        memcpy(e->fatal_message, message, n);
        e->fatal_message[n] = '\0';
    }
}

void bci_xml_errors_begin(bci_xml_errors *e, const bc_logger *logger)
{
    *e = (bci_xml_errors){.logger = logger};
    /* libxml2 2.9 raises encoding conversion errors without a parser
     * context, so only the thread's handler sees them; without this they
     * would go to stderr. The previous handler is put back afterwards. */
    e->saved_handler = xmlStructuredError;
    e->saved_context = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(e, bci_xml_error);
}

void bci_xml_errors_end(bci_xml_errors *e)
{
    xmlSetStructuredErrorFunc(e->saved_context, e->saved_handler);
}
