package dk.indkoebsscreening.request;

/**
 * Who pays the purchase and who pays its operation, each with the pool's or fund's name where it has one. A request
 * submitted before the question was asked, or through the API without it, has none.
 */
public record Funding(FundingSource purchase, String purchaseName, FundingSource operation, String operationName) {

    /** A name is kept only for a source that has one. */
    public Funding {
        purchaseName = purchase != null && purchase.named() ? purchaseName : null;
        operationName = operation != null && operation.named() ? operationName : null;
    }

    /** From the request's columns ({@code purchase_funding}, …): null when the request did not say. */
    public static Funding ofColumns(String purchase, String purchaseName, String operation, String operationName) {
        return purchase == null ? null
                : new Funding(FundingSource.valueOf(purchase), purchaseName, FundingSource.valueOf(operation), operationName);
    }
}
