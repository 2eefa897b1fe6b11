/* ca-format.h: numbers, dates and words for a reader, per language
 *
 * Everything that shows a number to a reader goes through here.  Each
 * function writes in the language @lang it is given, a gettext code ("en",
 * "zh_CN"), or in the interface language for NULL; none changes the
 * process's language, so any thread may call them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ca-model-types.h"

G_BEGIN_DECLS

/* Two forms of every value, each in its one place:
 *  - in words, wherever a person reads text (the figures table, tooltips,
 *    popovers, what a screen reader says, the CSV): "about CNY 500 billion",
 *    "约5000亿元";
 *  - short, where a chart draws it beside its mark or on its axis:
 *    "≈ CNY 500 bn", "≈5000亿元".
 * Whole numbers are grouped in thousands in both: "100,000". */

/* "16", "1,234"; "2.5": the same in every language we write. */
char        *ca_format_number            (double             value);
/* A value with its unit: "CNY 500 billion" / "5000亿元", "120 projects" / "120个项目". */
char        *ca_format_value             (const char        *lang,
                                          const CaMetric    *metric,
                                          double             value);
/* Short, as a chart draws it by its mark: "CNY 500 bn" / "5000亿元". */
char        *ca_format_value_short       (const char        *lang,
                                          const CaMetric    *metric,
                                          double             value);
/* Shorter, for axis ticks: "CNY 100 bn" / "1000亿". */
char        *ca_format_axis_value        (const char        *lang,
                                          const CaMetric    *metric,
                                          double             value);
/* A tick of an axis that runs to @top, in the scale of @top, so that one
 * axis writes its numbers in one style: "0", "0.5 m", "1 m" (not
 * "500,000", "1 m") / "0", "0.5亿", "1亿". */
char        *ca_format_axis_tick         (const char        *lang,
                                          const CaMetric    *metric,
                                          double             value,
                                          double             top);
/* @value as a number alone in the scale of @scale_of, for a panel that
 * names its unit and scale once, in its heading (ca_format_axis_unit ()
 * of the same @scale_of): "1.2" and "0.3" for a million, "1,500" for
 * none / "120" and "30" for 万.  The scale's word, "million" / "万", or
 * NULL when @scale_of needs none. */
char        *ca_format_number_scaled     (const char        *lang,
                                          double             value,
                                          double             scale_of);
const char  *ca_format_scale_word        (const char        *lang,
                                          double             scale_of);
/* The unit of an axis: "CNY billion" / "亿元", "projects" / "个". */
char        *ca_format_axis_unit         (const char        *lang,
                                          const CaMetric    *metric,
                                          double             max_value);
/* "≈" about, "≲" nearly, "≥" at least, ">" more than, "≤" at most, "" exact. */
const char  *ca_format_qualifier_symbol  (CaQualifier        qualifier);
/* "about", "nearly", "at least", "more than", "at most", "exact" / "约", ... */
const char  *ca_format_qualifier_word    (const char        *lang,
                                          CaQualifier        qualifier);
/* @qualifier (a symbol or words, "" for none) before @value: "≈ 40" / "≈40". */
char        *ca_format_qualified         (const char        *lang,
                                          const char        *qualifier,
                                          const char        *value);
/* A figure's value, short, with its qualifier as a symbol, as a chart draws
 * it: "≈ CNY 500 bn" / "≈5000亿元". */
char        *ca_format_figure_value      (const char        *lang,
                                          const CaFigure    *figure);
/* With the qualifier as words: "about CNY 500 billion" / "约5000亿元". */
char        *ca_format_figure_value_worded (const char      *lang,
                                            const CaFigure  *figure);
/* As _worded, but a count without its noun ("about 15", "约15"): for a
 * table that names the metric beside the value. */
char        *ca_format_figure_value_bare (const char        *lang,
                                          const CaFigure    *figure);
/* The same in the interface language.  Kept for tests/ui/test-details-pane.c;
 * new code says which language it writes in. */
char        *ca_format_figure_value_long (const CaFigure    *figure);
/* "7 April 2024" / "2024年4月7日", "April 2024" / "2024年4月", "2024" / "2024年". */
char        *ca_format_date              (const char        *lang,
                                          const CaDate      *date);
/* "2024-04-07" style, for CSV and ids. */
char        *ca_format_date_iso          (const CaDate      *date);
/* "2022–2030" / "2022—2030年"; handles a missing start or end. */
char        *ca_format_period            (const char        *lang,
                                          int                start_year,
                                          int                end_year);
const char  *ca_format_status            (const char        *lang,
                                          CaStatus           status);
/* Translated name of a node type or known kind token ("Region", "Chemical park"). */
const char  *ca_format_node_type         (const char        *lang,
                                          CaNodeType         type);
const char  *ca_format_kind              (const char        *lang,
                                          const char        *kind);
/* "Shanghai Municipal Government Information Office, 23 November 2022, “Title”":
 * the publisher and title in @lang where the source has them, else as it
 * gives them; a title in another language than @lang's without @lang's
 * quotation marks ("ECHEMI，2022年6月30日，Efforts to build…" in Chinese). */
char        *ca_format_citation          (const char        *lang,
                                          const CaSource    *source);
/* The name in @lang of the language @tag (an xml:lang) is in: "Chinese"
 * for "zh-CN"; the tag itself for a language it does not know. */
const char  *ca_format_language_name     (const char        *lang,
                                          const char        *tag);
/* For a name (@names, as a node's) that @lang shows converted from
 * Simplified characters (ca_text_is_converted ()), the sentence that says
 * so and gives the Simplified name; NULL for one shown as written. */
char        *ca_format_converted_name    (const char        *lang,
                                          const CaText      *names);
/* A share reached: "62%", in every language. */
char        *ca_format_percent           (double             fraction);

G_END_DECLS
