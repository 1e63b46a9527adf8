/**
 * The staff's side of the vendor's questionnaire: naming the vendor's contact on the request page, inviting, revoking
 * and sending new rounds from a screening task or the request page ({@code /anmodninger/{id}/leverandoer/...}), and the
 * panel and answers those pages include ({@code templates/vendor/staff.html}). Part of module vendor.
 */
package dk.indkoebsscreening.vendor.staff;
