//! Input files and arguments shared by the offline commands.

use std::path::Path;

use switchboard_core::directory::Region;

/// A text file's content, or standard input's when `path` is `-`.
pub fn read_text(path: &Path) -> switchboard_core::Result<String> {
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)?;
        bytes
    } else {
        read(path)?
    };
    String::from_utf8(bytes).map_err(|e| {
        switchboard_core::Error::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    })
}

/// The file's bytes; a failure names the file, which the OS error alone does not.
pub fn read(path: &Path) -> switchboard_core::Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        switchboard_core::Error::Io(std::io::Error::new(
            e.kind(),
            format!("{}: {e}", path.display()),
        ))
    })
}

pub fn parse_region(value: &str) -> Result<Region, String> {
    value
        .parse()
        .map_err(|_| format!("{value}: use an ISO country code such as FR, JP or US"))
}
