/* ca-atomic.c: write a file whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ca-atomic.h"

static void
set_error (GError     **error,
           const char  *path,
           int          errsv)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
               /* Translators: the first %s is a file name, the second the
                * system's reason, such as “Permission denied”. */
               _("Could not write “%s”: %s"), display, g_strerror (errsv));
}

/* A folder, a device or a pipe must never be swapped for a regular file:
 * writing to /dev/null as root would otherwise replace the device. */
static gboolean
check_target (const char  *path,
              GStatBuf    *st,
              gboolean    *exists,
              GError     **error)
{
  g_autofree char *display = NULL;

  *exists = g_stat (path, st) == 0;
  if (!*exists || S_ISREG (st->st_mode))
    return TRUE;
  if (S_ISDIR (st->st_mode))
    {
      set_error (error, path, EISDIR);
      return FALSE;
    }
  display = g_filename_display_name (path);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
               _("Could not write “%s”: it is not a regular file"), display);
  return FALSE;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Fills the temporary file and closes it; on failure returns the errno. */
static int
fill_temp (int         fd,
           const void *data,
           gsize       length,
           gboolean    exists,
           GStatBuf   *st)
{
  int errsv = 0;

  /* A replaced file keeps its permissions; a new one gets 0666 & ~umask. */
  if (exists && fchmod (fd, st->st_mode & 07777) != 0)
    errsv = errno;
  if (errsv == 0 && !write_all (fd, data, length))
    errsv = errno;
  if (errsv == 0 && fsync (fd) != 0)
    errsv = errno;
  if (close (fd) != 0 && errsv == 0)
    errsv = errno;
  return errsv;
}

/* Makes the rename itself durable; a failure here loses nothing. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

gboolean
ca_atomic_write (const char  *path,
                 const void  *data,
                 gsize        length,
                 GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  GStatBuf st;
  gboolean exists;
  int fd, errsv;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_target (path, &st, &exists, error))
    return FALSE;

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_error (error, path, errno);
      return FALSE;
    }

  errsv = fill_temp (fd, data, length, exists, &st);
  if (errsv == 0 && g_rename (temp, path) != 0)
    errsv = errno;
  if (errsv != 0)
    {
      g_unlink (temp);
      set_error (error, path, errsv);
      return FALSE;
    }

  sync_folder (folder);
  return TRUE;
}
