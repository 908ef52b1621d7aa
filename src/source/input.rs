//! Reading an input file: only a regular file, and never more than
//! [`MAX_INPUT_BYTES`], so a FIFO cannot hang a run and a link to
//! `/dev/zero` cannot exhaust memory.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// Far beyond any real source or CSV (the largest test value is 10 MiB).
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// The bytes of the regular file at `path` (a link to one is fine).
pub fn read(path: &Path) -> Result<Vec<u8>> {
    // Opening a FIFO for reading blocks until a writer appears; look first.
    let meta = std::fs::metadata(path).map_err(|e| Error::io("read", path, e))?;
    refuse_non_regular(path, &meta)?;
    let file = std::fs::File::open(path).map_err(|e| Error::io("read", path, e))?;
    let meta = file.metadata().map_err(|e| Error::io("read", path, e))?;
    refuse_non_regular(path, &meta)?;
    // Sized from the metadata: growing by doubling left up to half of
    // every file's buffer unused, for as long as its AST lives.
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_INPUT_BYTES) as usize);
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", path, e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::Usage(format!(
            "{}: the file is larger than {} MiB, more than statusdb reads from one input; split it or check that it is the right file",
            path.display(),
            MAX_INPUT_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// The text of the regular file at `path` (a link to one is fine), which
/// must be UTF-8: a configuration, a baseline.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = read(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Error::Data {
            path: path.to_path_buf(),
            line: super::lines::line_of(e.as_bytes(), offset),
            message: "the file is not valid UTF-8; save it as UTF-8".into(),
        }
    })
}

fn refuse_non_regular(path: &Path, meta: &std::fs::Metadata) -> Result<()> {
    match meta.is_file() {
        true => Ok(()),
        false => Err(Error::Usage(format!(
            "{} is not a regular file ({}); statusdb reads only regular files: give the path of the file itself",
            path.display(),
            kind(meta)
        ))),
    }
}

/// What a non-regular file is, in words.
pub fn kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    match () {
        _ if t.is_dir() => "a folder",
        _ if t.is_symlink() => "a symbolic link",
        _ if t.is_fifo() => "a named pipe",
        _ if t.is_socket() => "a socket",
        _ if t.is_char_device() || t.is_block_device() => "a device",
        _ => "not a regular file",
    }
}
