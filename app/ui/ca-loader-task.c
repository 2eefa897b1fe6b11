/* ca-loader-task.c: loading a dataset file in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ca-loader-task.h"

typedef struct
{
  char                 *path;
  GMainContext         *context;
  GCancellable         *cancellable;
  CaLoaderProgressFunc  progress;
  gpointer              progress_data;
  GPtrArray            *problems;
  /* The newest fraction, written by the worker; an idle callback carries it
   * to the main context, at most one pending at a time. */
  GMutex                mutex;
  double                fraction;
  gboolean              pending;
  gboolean              finished;
  int                   ref_count;
} LoadData;

static LoadData *
load_data_ref (LoadData *data)
{
  g_atomic_int_inc (&data->ref_count);
  return data;
}

static void
load_data_unref (gpointer user_data)
{
  LoadData *data = user_data;

  if (!g_atomic_int_dec_and_test (&data->ref_count))
    return;

  g_free (data->path);
  g_main_context_unref (data->context);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_mutex_clear (&data->mutex);
  g_free (data);
}

static gboolean
report_progress_cb (gpointer user_data)
{
  LoadData *data = user_data;
  double fraction;
  gboolean finished;

  g_mutex_lock (&data->mutex);
  fraction = data->fraction;
  finished = data->finished;
  data->pending = FALSE;
  g_mutex_unlock (&data->mutex);

  /* A stopped load no longer reports: the caller may have started another. */
  if (!finished && data->progress != NULL &&
      !g_cancellable_is_cancelled (data->cancellable))
    data->progress (fraction, data->progress_data);

  return G_SOURCE_REMOVE;
}

static void
worker_progress_cb (double   fraction,
                    gpointer user_data)
{
  LoadData *data = user_data;
  gboolean schedule;

  g_mutex_lock (&data->mutex);
  data->fraction = fraction;
  schedule = !data->pending;
  data->pending = TRUE;
  g_mutex_unlock (&data->mutex);

  if (schedule)
    g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT_IDLE,
                                report_progress_cb, load_data_ref (data), load_data_unref);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  CaDataset *dataset;

  if (g_task_return_error_if_cancelled (task))
    return;
  dataset = ca_dataset_load_file (data->path, cancellable, worker_progress_cb, data,
                                  &data->problems, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

void
ca_loader_load_async (GFile                *file,
                      GCancellable         *cancellable,
                      CaLoaderProgressFunc  progress,
                      gpointer              progress_data,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ca_loader_load_async);

  data = g_new0 (LoadData, 1);
  data->ref_count = 1;
  data->path = g_file_get_path (file);
  data->context = g_main_context_ref_thread_default ();
  data->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  data->progress = progress;
  data->progress_data = progress_data;
  g_mutex_init (&data->mutex);
  g_task_set_task_data (task, data, load_data_unref);

  if (data->path == NULL)
    {
      /* The parse name, unlike the URI, is meant for people. */
      g_autofree char *name = g_file_get_parse_name (file);

      g_task_return_new_error (task, CA_DATASET_ERROR, CA_DATASET_ERROR_IO,
                               _("Only local files can be opened: %s"), name);
      return;
    }

  g_task_run_in_thread (task, load_thread);
}

CaDataset *
ca_loader_load_finish (GAsyncResult  *result,
                       GPtrArray    **problems,
                       GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  data = g_task_get_task_data (G_TASK (result));

  /* No progress may reach the caller after this. */
  g_mutex_lock (&data->mutex);
  data->finished = TRUE;
  g_mutex_unlock (&data->mutex);

  if (problems != NULL)
    *problems = g_steal_pointer (&data->problems);

  return g_task_propagate_pointer (G_TASK (result), error);
}
