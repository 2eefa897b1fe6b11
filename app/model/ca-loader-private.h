/* ca-loader-private.h: the state of one load, shared by the parser glue
 * (ca-loader.c: the loader's lifecycle, its problems and libxml2) and the
 * model builder (ca-loader-build.c: the callbacks that build the model and
 * check the rules, which report through the problem API only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/parser.h>

#include "ca-dataset-private.h"
#include "ca-encoding.h"
#include "ca-loader-queue.h"
#include "ca-prescan.h"

G_BEGIN_DECLS

#define CA_ATLAS_NAMESPACE "urn:cluster-atlas:1"
/* The versions this program reads: version 2 adds quotes, notes, further
 * sources of a figure and a source's publishers, archive copy and date of
 * access (data/atlas-format.md, "Versions"). */
#define CA_ATLAS_VERSION_MAX 2

typedef enum {
  FRAME_ATLAS,
  FRAME_METRICS,
  FRAME_SOURCES,
  FRAME_METRIC,
  FRAME_SOURCE,
  FRAME_REGION,
  FRAME_PARK,
  FRAME_PROGRAM,
  FRAME_NAME,
  FRAME_TITLE,
  FRAME_SUMMARY,
  FRAME_TAG,
  FRAME_QUOTE,
  FRAME_NOTE,
  FRAME_PUBLISHER,
  FRAME_GOAL,
  FRAME_COUNT,
  FRAME_CITE,
  N_FRAME_KINDS
} CaFrameKind;

typedef enum {
  ATTR_VERSION,
  ATTR_ID,
  ATTR_KIND,
  ATTR_UNIT,
  ATTR_PUBLISHED,
  ATTR_PUBLISHER,
  ATTR_HREF,
  ATTR_START,
  ATTR_END,
  ATTR_STATUS,
  ATTR_METRIC,
  ATTR_VALUE,
  ATTR_YEAR,
  ATTR_BASELINE,
  ATTR_BASELINE_YEAR,
  ATTR_QUALIFIER,
  ATTR_SOURCE,
  ATTR_DATE,
  ATTR_ARCHIVED,
  ATTR_ACCESSED,
  ATTR_XML_LANG,
  N_ATTRS,
  ATTR_UNKNOWN = N_ATTRS
} CaAttrId;

/* The names, titles or summaries of one element while they are read,
 * packed as a CaText's will be. */
typedef struct {
  GPtrArray  *langs;        /* const char *, interned: the languages so far */
  GString    *packed;       /* each entry as a CaText packs it */
  GHashTable *lang_set;     /* the same languages, once there are many */
} CaTextBuilder;

/* A <cite> of the figure being read, until the figure ends. */
typedef struct {
  const char *source_id;    /* interned */
  CaText      quotes;
  guint       line;
  guint       column;
} CaCiteEntry;

/* A figure of the node being read that has quotes, notes or cites. */
typedef struct {
  guint          index;     /* among the node's figures */
  CaFigureExtra *extra;     /* in the arena */
} CaExtraEntry;

/* One open element of the format.  The arrays belong to the slot of the
 * stack and are reused; they fill while the element's children are read and
 * are copied into the dataset's arena when it ends. */
typedef struct {
  CaFrameKind   kind;
  guint         line;
  guint         column;
  gboolean      text_reported;
  /* Figures and cites: whether the builders and cites below were emptied
   * for this element, which happens at its first quote, note or cite (most
   * figures have none), and which of those came last, for their order. */
  gboolean      extra_started;
  CaFrameKind   last_extra;
  CaNode       *node;
  CaMetricPriv *metric;
  CaSourcePriv *source;
  const char   *lang;       /* of a text */
  const char   *ref_id;     /* the source a cite names, interned; NULL when refused */
  /* Names, titles, or the quotes of a figure or a cite. */
  CaTextBuilder names;
  /* Summaries, the publishers of a source, or the notes of a figure. */
  CaTextBuilder summaries;
  GPtrArray    *children;   /* CaNode */
  GArray       *figures;    /* CaFigure */
  GPtrArray    *tags;       /* const char *, in the string chunk */
  GArray       *extras;     /* CaExtraEntry, of a node's figures */
  GArray       *cites;      /* CaCiteEntry, of a figure */
  GPtrArray    *cite_ids;   /* their sources' ids, interned */
  GHashTable   *cite_set;   /* the cites' source ids, once there are many */
} CaFrame;

/* A figure whose metric or source was not declared yet when it was read. */
typedef struct {
  CaNode     *node;
  guint       index;
  const char *metric_id;    /* NULL when resolved */
  const char *source_id;    /* NULL when resolved */
  guint       line;
  guint       column;
} CaPendingRef;

/* A cite whose source was not declared yet when it was read. */
typedef struct {
  const CaSource **slot;    /* in the arena */
  const char      *source_id;
  guint            line;
  guint            column;
} CaPendingCite;

/* libxml2 interns names, so the same name comes back as the same pointer:
 * a small cache keyed by address saves comparing strings. */
#define CA_NAME_CACHE_SIZE 256

typedef struct {
  const char *key;
  int         value;
} CaNameCacheEntry;

#define CA_LOADER_TEXT_LEVELS 1024

/* One chunk of the input, as the reader hands it to the parser. */
typedef struct {
  guchar          *buffer;        /* two bytes in front for a CR held back */
  const guchar    *data;          /* the bytes to parse, line ends made plain */
  gsize            length;
  gboolean         end_of_input;
  gboolean         last;          /* no chunk comes after this one */
  gboolean         odd_unit;      /* UTF-16 that ends half-way through a unit */
  gboolean         failed;        /* the input could not be read */
  guint64          read;          /* bytes of the input read with this one */
  guint            line;          /* where the chunk starts */
  guint64          line_start;
  CaPrescanResult  scanned;
  gsize            sound;         /* bytes before a tag the scanner refused, or all */
  guint            tag_line;      /* of the start tag the scanner refused */
  guint            tag_column;
  GArray          *starts;        /* guint pairs: where its start tags begin */
  char            *problem;       /* why the reader refuses the input here */
  guint            problem_at;    /* its line and column: 0 (no place) or 1 */
} CaChunk;

/* What ca_loader_run () reads. */
typedef struct {
  CaLoaderReadFunc   read_func;
  gpointer           source;
  goffset            total_size;
  GCancellable      *cancellable;
} CaLoaderInput;

/* The parser's fields (ca-loader.c, parser_*) belong to the thread that
 * reads and parses; the builder's to the thread that calls
 * ca_loader_run (); they share only the event queue and @halt. */
typedef struct {
  char              *display_name;
  GPtrArray         *problems;     /* borrowed; the builder's */
  CaLoaderInput      input;
  CaLoadProgressFunc progress;
  gpointer           progress_data;
  CaLoaderQueue     *queue;
  gint               halt;         /* atomic: the builder stopped the load */
  gint               reader_halt;  /* atomic: the parser stopped reading */
  GAsyncQueue       *read_chunks;  /* CaChunk, reader to parser */
  GAsyncQueue       *free_chunks;  /* parser back to reader */
  /* The reader's */
  CaPrescan          scan;
  CaNewlines         newlines;
  guint64            bytes_read;
  GError            *read_error;
  /* The parser's */
  xmlParserCtxtPtr   ctxt;
  GArray            *starts;       /* guint pairs, from the chunks read */
  guint              starts_taken;
  guint64            parse_read;   /* the input read up to the chunk parsed */
  gboolean           parse_stopped;
  gboolean           parse_seen_element;
  guint              parse_depth;
  /* Bit n: whether the open element at depth n may hold text. */
  guint64            parse_text_levels[CA_LOADER_TEXT_LEVELS / 64];
  CaNameCacheEntry   text_cache[CA_NAME_CACHE_SIZE];   /* names that may */
  gboolean           read_ok;
  /* The builder's */
  guint              event_line;   /* where the parser was at the current event */
  guint              event_column;
  CaDatasetContents *contents;
  GArray            *refs;         /* CaPendingRef */
  GArray            *cite_refs;    /* CaPendingCite */
  guint              version;      /* of the root; 0 until read or when unknown */
  CaFrame            frames[CA_LOADER_MAX_DEPTH + 1];
  /* The id of the node each frame reads, where the id table finds it until
   * the node ends and its id moves into the dataset with its names. */
  char               frame_ids[CA_LOADER_MAX_DEPTH + 1][CA_LOADER_MAX_ID * 4 + 1];
  guint              n_frames;
  guint              element_depth;
  guint              skip_depth;   /* > 0 inside an ignored subtree */
  GString           *text;
  GString           *values;
  gboolean           seen_root;
  gboolean           seen_element; /* any start tag at all */
  gboolean           root_closed;
  gboolean           stopped;      /* fatal: nothing more is read */
  gboolean           failed;
  gboolean           at_eof;       /* libxml2 is told the input ended */
  char              *encoding;     /* as declared, for messages; NULL for UTF-8 */
  guint64            fed;          /* bytes handed to libxml2 */
  const guchar      *chunk;        /* the bytes of the chunk being parsed */
  gsize              chunk_length;
  guint64            chunk_offset;
  guint              chunk_line;   /* where the chunk starts */
  guint64            chunk_line_start;
  /* The chunk before's last line, for columns in a multi-byte encoding:
   * where it starts (G_MAXUINT64 when unknown), its characters so far, and
   * the bytes of a character the chunk cut. */
  GByteArray        *line_head;
  guint64            line_head_offset;
  guint64            line_head_chars;
  GPtrArray         *quotes;       /* cut values quoted in messages */
  char              *generic_message; /* libxml2's last unstructured one */
  const char        *recent_langs[4];  /* interned, the latest first */
  GHashTable        *interned;     /* each distinct string kept once in the contents */
  GHashTable        *tag_sets;     /* arrays of two or more tags that nodes share */
  GPtrArray         *tag_key;      /* the count, then the tags: a key to look up */
  const char        *atlas_uri;    /* libxml2's copies of the namespaces */
  const char        *xml_uri;
  CaNameCacheEntry   element_cache[CA_NAME_CACHE_SIZE];
  CaNameCacheEntry   attribute_cache[CA_NAME_CACHE_SIZE];
} CaLoader;

CaLoader *ca_loader_new           (const char *display_name,
                                   GPtrArray  *problems);
void      ca_loader_free          (CaLoader   *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaLoader, ca_loader_free)

/* ca-loader-build.c: the builder reads the parser's events; a start tag
 * begins at @line and @column. */
void      ca_loader_build_clear   (CaLoader    *self);
/* Whether an element of the format by this name holds text. */
gboolean  ca_loader_is_text_name  (const char  *localname);
void      ca_loader_start_element (CaLoader    *self,
                                   guint        line,
                                   guint        column,
                                   const char  *localname,
                                   const char  *uri,
                                   int          n_namespaces,
                                   int          n_attributes,
                                   const char **attributes);
void      ca_loader_end_element   (CaLoader    *self);
void      ca_loader_characters    (CaLoader    *self,
                                   const char  *text,
                                   gsize        length);
void      ca_loader_cdata         (CaLoader    *self,
                                   const char  *text,
                                   gsize        length);
void      ca_loader_finish        (CaLoader    *self);

void      ca_loader_stop          (CaLoader    *self);
guint     ca_loader_line          (CaLoader    *self);
guint     ca_loader_column        (CaLoader    *self);
/* @value cut for a message, in a copy that lives as long as the loader. */
const char *ca_loader_quote       (CaLoader    *self,
                                   const char  *value);
void      ca_loader_problem       (CaLoader    *self,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (2, 3);
void      ca_loader_problem_at    (CaLoader    *self,
                                   guint        line,
                                   guint        column,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
