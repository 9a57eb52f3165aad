#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and encoding.h then includes the system ICU headers, whose
// UErrorCode clashes with Foundation's own copy of ICU (_FoundationICU). Nothing here uses
// libxml2's ICU converter struct, so the ICU part of the headers is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
