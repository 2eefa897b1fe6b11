#pragma once

#include <glib.h>

#include "ca-model-types.h"

G_BEGIN_DECLS

/* Everything that shows a number to a reader goes through here.  All
 * functions write for the current language of ca-i18n.h. */

/* "16", "1,234" / "1,234"; "2.5" */
char        *ca_format_number            (double             value);
/* A value with its unit: "CNY 500 billion" / "5000亿元", "120 projects" / "120个项目". */
char        *ca_format_value             (const CaMetric    *metric,
                                          double             value);
/* Shorter, for axis ticks: "CNY 100 bn" / "1000亿". */
char        *ca_format_axis_value        (const CaMetric    *metric,
                                          double             value);
/* The unit of an axis: "CNY billion" / "亿元", "projects" / "个". */
char        *ca_format_axis_unit         (const CaMetric    *metric,
                                          double             max_value);
/* "≈" about, "≲" nearly, "≥" at least, ">" more than, "≤" at most, "" exact. */
const char  *ca_format_qualifier_symbol  (CaQualifier        qualifier);
/* "about", "nearly", "at least", "more than", "at most", "exact". */
const char  *ca_format_qualifier_word    (CaQualifier        qualifier);
/* A figure's value with its qualifier as a symbol: "≈ CNY 500 billion". */
char        *ca_format_figure_value      (const CaFigure    *figure);
/* With the qualifier as words: "about CNY 500 billion" / "约5000亿元". */
char        *ca_format_figure_value_long (const CaFigure    *figure);
/* "7 April 2024" / "2024年4月7日", "April 2024" / "2024年4月", "2024" / "2024年". */
char        *ca_format_date              (const CaDate      *date);
/* "2024-04-07" style, for CSV and ids. */
char        *ca_format_date_iso          (const CaDate      *date);
/* "2022–2030" / "2022—2030年"; handles a missing start or end. */
char        *ca_format_period            (int                start_year,
                                          int                end_year);
const char  *ca_format_status            (CaStatus           status);
/* Translated name of a node type or known kind token ("Region", "Chemical park"). */
const char  *ca_format_node_type         (CaNodeType         type);
const char  *ca_format_kind              (const char        *kind);
/* "Shanghai Municipal Government Information Office, 23 November 2022, “Title”" */
char        *ca_format_citation          (const CaSource    *source);
/* A share reached: "62%" */
char        *ca_format_percent           (double             fraction);

G_END_DECLS
