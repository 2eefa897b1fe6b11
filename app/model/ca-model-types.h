/* ca-model-types.h: the types of a loaded dataset
 *
 * Plain, read-only structures of a loaded dataset.  A CaDataset owns every
 * node, figure, metric and source it holds; they live as long as it does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CaDataset CaDataset;
typedef struct _CaNode    CaNode;

typedef enum {
  CA_NODE_REGION,
  CA_NODE_PARK,
  CA_NODE_PROGRAM,
} CaNodeType;

typedef enum {
  CA_FIGURE_GOAL,
  CA_FIGURE_COUNT,
} CaFigureType;

typedef enum {
  CA_QUALIFIER_EXACT,
  CA_QUALIFIER_ABOUT,
  CA_QUALIFIER_NEARLY,
  CA_QUALIFIER_AT_LEAST,
  CA_QUALIFIER_MORE_THAN,
  CA_QUALIFIER_AT_MOST,
} CaQualifier;

typedef enum {
  CA_METRIC_COUNT,
  CA_METRIC_MONEY,
  CA_METRIC_QUANTITY,
} CaMetricKind;

typedef enum {
  CA_STATUS_NONE,
  CA_STATUS_PLANNED,
  CA_STATUS_ACTIVE,
  CA_STATUS_COMPLETED,
} CaStatus;

/* A text in several languages: the <name>, <title> or <summary> elements of
 * one owner.  The entries are packed one after the other, each as its
 * language ending in a zero byte (or one byte for a few common ones), the
 * length of its text in bytes (one byte below 255, else 255 and four bytes,
 * little-endian), then the text ending in a zero byte: "de-CH\0\7Baoshan\0"
 * (ca-dataset-private.h writes and reads them).  That costs a dataset
 * about half what two pointers an entry did, and a lookup steps from
 * language to language without reading the texts.  Use ca_text_lookup () to
 * pick one by the fallback rule, and a CaTextIter to visit them all. */
typedef struct {
  const char *packed;     /* NULL when there are none */
  guint       n_entries;
} CaText;

typedef struct {
  const char *lang;       /* as written in xml:lang, e.g. "en", "zh-CN" */
  const char *text;
  /*< private >*/
  const char *next;
  guint       left;
} CaTextIter;

/* An ISO 8601 date that may lack its day or month: month and day are 0
 * when absent. */
typedef struct {
  gint16 year;   /* 1900..2200 */
  guint8 month;
  guint8 day;
} CaDate;

typedef struct {
  const char   *id;
  CaMetricKind  kind;
  const char   *unit;    /* ISO 4217 code for money, free text for quantity, NULL for count */
  CaText        names;
} CaMetric;

typedef struct {
  const char *id;
  CaDate      published;
  const char *publisher;   /* the name as the source gives it */
  const char *href;        /* may be NULL */
  CaText      titles;
  /* Version 2 of the format: the publisher's name by language (none for
   * most sources: use ca_source_get_publisher ()), a web-archive copy
   * (NULL when none) and the day the address was read (year 0 when not
   * given). */
  CaText      publishers;
  const char *archived;
  CaDate      accessed;
} CaSource;

/* A source that states a figure, with its words (ca_node_get_figure_source ()). */
typedef struct {
  const CaSource *source;
  CaText          quotes;  /* verbatim, in the article's language; may be empty */
} CaFigureSource;

/* Packed into 40 bytes (a 100,000-node file holds as many figures): the
 * small fields are narrow integers, read them as the enums they name.  A
 * figure does not point back at its node: whoever reaches a figure does so
 * through ca_node_get_figure () and has the node. */
typedef struct {
  const CaMetric *metric;
  const CaSource *source;
  double          value;     /* in the metric's base unit, >= 0, finite */
  double          baseline;  /* goals only, when has_baseline */
  CaDate          date;      /* count: its date; goal: the year it is due, month and day 0 */
  gint16          baseline_year;  /* goals only; 0 when absent */
  guint8          type : 1;       /* CaFigureType */
  guint8          qualifier : 3;  /* CaQualifier */
  guint8          has_baseline : 1;
  /* It has quotes, notes or further sources, which its node keeps aside
   * (ca_node_get_figure_quotes () and the others): most figures have none,
   * and a figure stays this small. */
  guint8          has_extra : 1;
} CaFigure;

/* One problem found while loading: reported as FILE:LINE:COLUMN: message. */
typedef struct {
  char  *file;
  guint  line;
  guint  column;
  char  *message;
} CaProblem;

void  ca_problem_free   (CaProblem *problem);
char *ca_problem_format (const CaProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaProblem, ca_problem_free)

/* The entry in @lang (a data language tag, NULL: the interface's), else in
 * its primary language, else in English, else the first.  For Traditional
 * Chinese (zh-TW, zh-HK, zh-Hant), an entry in Traditional characters comes
 * before the others, and a Simplified one is converted to Taiwan's usage. */
const char *ca_text_lookup    (const CaText *text,
                               const char   *lang);
/* Whether ca_text_lookup () converts the entry it gives for @lang, so that
 * the reader can be told. */
gboolean    ca_text_is_converted (const CaText *text,
                                  const char   *lang);
void        ca_text_iter_init (CaTextIter   *iter,
                               const CaText *text);
gboolean    ca_text_iter_next (CaTextIter   *iter);

G_END_DECLS
