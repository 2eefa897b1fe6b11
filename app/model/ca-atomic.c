/* ca-atomic.c: write a file whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ca-atomic.h"

/* The longest part of OUT's name that its temporary name keeps. */
#define CA_ATOMIC_MAX_TEMP_BASE 200

/* The temporary file being written, for ca_atomic_remove_temp (), which a
 * signal handler calls: a fixed buffer and a flag, read with no lock and no
 * allocation.  Set and cleared with the signals blocked, so that a handler
 * sees either no name or a whole one that names a file of ours. */
static gboolean              tracking;
static sigset_t              tracked_signals;
static char                  temp_name[PATH_MAX];
static volatile sig_atomic_t temp_exists;

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

static void
set_folder_error (GError     **error,
                  const char  *path,
                  const char  *folder,
                  int          errsv)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *display_folder = g_filename_display_name (folder);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
               /* Translators: a file name, its folder, then the system's reason. */
               _("Could not write “%s”: its folder “%s” cannot be written to: %s"),
               display, display_folder, g_strerror (errsv));
}

/* A symbolic link stays a link, as with cp: what is replaced is the file
 * it points to, so the temporary file goes beside that file.  A link to
 * nothing is refused, as cp refuses to write through it. */
static char *
resolve_target (const char  *path,
                GError     **error)
{
  g_autofree char *display = NULL;
  char *target;
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
    return g_strdup (path);
  if ((target = realpath (path, NULL)) != NULL)
    {
      char *copy = g_strdup (target);

      free (target);
      return copy;
    }
  if (errno != ENOENT)
    {
      set_error (error, path, errno);
      return NULL;
    }
  display = g_filename_display_name (path);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               _("Could not write “%s”: it is a symbolic link to a file that does not exist"),
               display);
  return NULL;
}

/* A folder, a device or a pipe must never be swapped for a regular file:
 * writing to /dev/null as root would otherwise replace the device.  Nor
 * may a file the user cannot write: the rename only needs the folder to be
 * writable, and would replace a read-only file that cp would refuse. */
static gboolean
check_target (const char  *path,
              const char  *target,
              GStatBuf    *st,
              gboolean    *exists,
              GError     **error)
{
  g_autofree char *display = NULL;

  *exists = g_stat (target, st) == 0;
  if (*exists && S_ISREG (st->st_mode) && g_access (target, W_OK) != 0)
    {
      int errsv = errno;

      display = g_filename_display_name (path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   /* Translators: a file name, then the system's reason. */
                   _("Could not write “%s”: the file may not be written to: %s"),
                   display, g_strerror (errsv));
      return FALSE;
    }
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

/* Blocks the tracked signals around a change to temp_name. */
static void
block_tracked (gboolean  block,
               sigset_t *saved)
{
  if (!tracking)
    return;
  if (block)
    pthread_sigmask (SIG_BLOCK, &tracked_signals, saved);
  else
    pthread_sigmask (SIG_SETMASK, saved, NULL);
}

static int
make_temp (char *temp)
{
  sigset_t saved;
  int fd;

  block_tracked (TRUE, &saved);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd >= 0 && tracking && strlen (temp) < sizeof temp_name)
    {
      strcpy (temp_name, temp);
      temp_exists = 1;
    }
  block_tracked (FALSE, &saved);
  return fd;
}

/* Renames @temp over @target, or removes it; returns the errno or 0. */
static int
finish_temp (const char *temp,
             const char *target,
             int         errsv)
{
  sigset_t saved;

  block_tracked (TRUE, &saved);
  if (errsv == 0 && g_rename (temp, target) != 0)
    errsv = errno;
  if (errsv != 0)
    g_unlink (temp);
  temp_exists = 0;
  block_tracked (FALSE, &saved);
  return errsv;
}

void
ca_atomic_track_signals (const sigset_t *signals)
{
  tracking = signals != NULL;
  if (signals != NULL)
    tracked_signals = *signals;
}

void
ca_atomic_remove_temp (void)
{
  /* unlink () is async-signal-safe; nothing else is called. */
  if (temp_exists)
    unlink (temp_name);
  temp_exists = 0;
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
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  GStatBuf st;
  gboolean exists;
  int fd, errsv;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((target = resolve_target (path, error)) == NULL
      || !check_target (path, target, &st, &exists, error))
    return FALSE;

  folder = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  /* The temporary name is 8 bytes longer than the one it replaces: a long
   * name is cut (at a character) so that it still fits a folder's 255. */
  if (strlen (base) > CA_ATOMIC_MAX_TEMP_BASE)
    {
      char *end = base + CA_ATOMIC_MAX_TEMP_BASE;

      if (g_utf8_validate (base, -1, NULL))
        end = g_utf8_find_prev_char (base, end + 1);
      *end = '\0';
    }
  temp = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  if ((fd = make_temp (temp)) < 0)
    {
      errsv = errno;
      /* A missing folder is said as it is; anything else is the folder's. */
      if (errsv == EACCES || errsv == EPERM || errsv == EROFS)
        set_folder_error (error, path, folder, errsv);
      else
        set_error (error, path, errsv);
      return FALSE;
    }

  errsv = fill_temp (fd, data, length, exists, &st);
  if ((errsv = finish_temp (temp, target, errsv)) != 0)
    {
      set_error (error, path, errsv);
      return FALSE;
    }

  sync_folder (folder);
  return TRUE;
}

int
ca_path_extension_index (const char         *path,
                         const char * const *extensions,
                         guint               n_extensions)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, -1);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return -1;
  for (guint i = 0; i < n_extensions; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return (int) i;
  return -1;
}
