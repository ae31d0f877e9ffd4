"""Reading our data TSV files (data/actors/*.tsv: '#' comment lines, one header line,
tab-separated cells) in the generation scripts. The C++ loader is src/entities/tsv.cc."""
import os


def read_tsv(path):
    """The rows of `path` as dicts keyed by the header's names; [] when the file is absent."""
    rows, header = [], None
    if not os.path.exists(path):
        return rows
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n').rstrip('\r')
            if not line or line.startswith('#'):
                continue
            cells = line.split('\t')
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells)))
    return rows
