/**
 * REFI-QDA 1.0 exchange: projects ({@code .qdpx}) written by {@link org.quarry.refi.QdpxWriter} and
 * read by {@link org.quarry.refi.QdpxReader}, codebooks ({@code .qdc}) written by {@link
 * org.quarry.refi.QdcWriter}.
 *
 * <p>Positions in REFI-QDA are code points of the exported or imported text, converted from and to
 * the code point offsets of the file as read that passages and codings carry. This package sits
 * below {@code coding} and {@code report}, which both use it; it uses only {@code model} and {@code
 * output}.
 */
package org.quarry.refi;
