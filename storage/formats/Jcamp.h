#pragma once
// Jcamp: reads JCAMP-DX files (IUPAC JCAMP-DX 4.24 and 5.01; McDonald & Wilks 1988, Davies &
// Lampen 1993 for NMR, Lampen et al. 1994 for NTUPLES) into a Dataset.
//
// What it reads: ##XYDATA=(X++(Y..Y)) in AFFN and every ASDF form (SQZ, DIF, DUP, PAC),
// ##XYPOINTS and ##PEAK TABLE in the group forms (XY..XY), (XYW..XYW), (XYM..XYM); several
// blocks and LINK blocks (a ##TITLE inside an open block starts a nested block); ##NTUPLES
// with ##PAGE= and ##DATA TABLE= in both shapes; XFACTOR/YFACTOR/FIRSTX/LASTX/DELTAX/NPOINTS
// and the NTUPLES lists (VAR_NAME, SYMBOL, UNITS, FACTOR, FIRST, LAST, VAR_DIM). Labels are
// compared as the standard says: upper case, with spaces, dashes, slashes and underscores
// dropped. Text is UTF-8 when the file is valid UTF-8, Latin-1 otherwise.
//
// The checks and what they mean:
// - The Y check: a line that ends in DIF form (a difference, or a DUP of one) has its last
//   ordinate repeated at the start of the next line. Every such repeat is compared and then
//   dropped; a mismatch is an error, because the decoded values are then known to be wrong
//   (readJDX, for one, stops on it too). After the last line nothing is repeated, so its last
//   value is data (the excerpts in the test data end so).
// - In (X++(Y..Y)) tables the x values are computed from FIRSTX, LASTX and the point count, so
//   a count that differs from NPOINTS (or the x variable's VAR_DIM) is an error as well: the
//   x axis would be wrong. In the group forms every x is written, so there the difference is
//   a warning.
// - The abscissa written at each line start is checked against the number of points before
//   it; a mismatch is a warning (some writers round it), the count check above still holds.
// - FIRSTY and a DELTAX that disagrees with FIRSTX/LASTX/NPOINTS give warnings.
// - A file may expand to at most 2^25 points (DUP counts make a few bytes claim billions).
// NMR: x in HZ with ##.OBSERVE FREQUENCY (MHz) becomes ppm; ##.SHIFT REFERENCE= (type,
// compound, point, ppm) then sets the scale, or, in a Bruker block (ORIGIN or $BF1/$SFO1),
// ##$OFFSET= (the ppm of the first point), as Bruker writes its Hz axis from its own origin.
// ppm and 1/CM axes are marked reversed.

#include "formats/Dataset.h"
#include "Result.h"

#include <QByteArray>

namespace quire::formats {

// Cheap: does this look like a JCAMP-DX file (its first record a "##LABEL=" line)?
bool looksLikeJcamp(const QByteArray &bytes);

Result<Dataset> readJcamp(const QByteArray &bytes);

} // namespace quire::formats
