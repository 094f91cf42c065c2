//! Owner-only files: the database, its backups, archives and keys hold PIN hashes and the
//! whole fiscal journal, so pépite creates them readable by their owner alone (`0600`,
//! folders `0700`) and takes away the rights of "others" from a file it finds open to
//! everyone. A group an installation chooses (`chgrp` and `chmod g+rw`) is left alone:
//! several Unix accounts of one site may share the database that way.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `path` (which must not exist) for writing, owner-only.
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Writes `bytes` to a new owner-only file.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut file = create_private(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Creates `dir` and its parents; the folders made here are owner-only.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Removes the rights of "others" from an existing file; its owner and group keep theirs.
pub fn close_to_others(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)?.permissions().mode();
        if mode & 0o007 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & !0o007))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Whether anyone but the owner may read `path` (group or others): for key files.
pub fn readable_by_others(path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(std::fs::metadata(path)?.permissions().mode() & 0o077 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(false)
    }
}

/// The permission bits of `path` (`0o600` …), for tests and messages.
#[cfg(unix)]
pub fn mode(path: &Path) -> io::Result<u32> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::metadata(path)?.permissions().mode() & 0o777)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn new_files_and_folders_are_owner_only_and_others_lose_their_rights() {
        let dir = tempfile::tempdir().expect("dir");
        let sub = dir.path().join("a/b");
        create_private_dir(&sub).expect("dir");
        assert_eq!(mode(&sub).expect("mode"), 0o700);
        let file = sub.join("f");
        write_private(&file, b"x").expect("write");
        assert_eq!(mode(&file).expect("mode"), 0o600);
        assert!(!readable_by_others(&file).expect("meta"));
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o664)).expect("chmod");
        assert!(readable_by_others(&file).expect("meta"));
        close_to_others(&file).expect("close");
        assert_eq!(mode(&file).expect("mode"), 0o660);
    }
}
