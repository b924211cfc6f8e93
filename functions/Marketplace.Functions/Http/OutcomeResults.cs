using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Http;

/// <summary>The one translation of a use case's <see cref="Failure"/> into an RFC 9457 answer.</summary>
public static class OutcomeResults
{
    /// <summary>The HTTP status of a failure kind.</summary>
    public static int StatusOf(FailureKind kind) => kind switch
    {
        FailureKind.Invalid => StatusCodes.Status400BadRequest,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        FailureKind.Stale => StatusCodes.Status412PreconditionFailed,
        FailureKind.LengthRequired => StatusCodes.Status411LengthRequired,
        FailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        FailureKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a failure kind."),
    };

    /// <summary>The problem answer for a failure: status by kind, its code, and <c>errors</c> by field when it names fields.</summary>
    public static ProblemHttpResult ToProblem(this Failure failure)
    {
        var extensions = new Dictionary<string, object?>(failure.Extensions);
        if (failure.Kind == FailureKind.Invalid)
        {
            extensions["errors"] = failure.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        }
        return ProblemResults.Of(StatusOf(failure.Kind), failure.Code, failure.Title, failure.Detail, extensions);
    }

    /// <summary>The success answer, or the failure's problem.</summary>
    public static Results<TResult, ProblemHttpResult> ToResult<T, TResult>(this Outcome<T> outcome, Func<T, TResult> onSuccess)
        where TResult : IResult =>
        outcome.Succeeded ? onSuccess(outcome.Value) : outcome.Failure.ToProblem();

    /// <summary>200 with the document and its ETag header, or the failure's problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOkWithETag<T>(this Outcome<StoredDocument<T>> outcome, HttpResponse response) =>
        outcome.ToOkWithETag(response, document => document);

    /// <summary>200 with the document as the API shows it (<paramref name="view"/>) and its ETag header, or the failure's problem.</summary>
    public static Results<Ok<TView>, ProblemHttpResult> ToOkWithETag<T, TView>(this Outcome<StoredDocument<T>> outcome, HttpResponse response, Func<T, TView> view) =>
        outcome.ToResult(stored =>
        {
            response.Headers.ETag = stored.ETag;
            return TypedResults.Ok(view(stored.Document));
        });

    /// <summary>201 with the new document, its location and its ETag header, or the failure's problem.</summary>
    public static Results<Created<T>, ProblemHttpResult> ToCreatedWithETag<T>(this Outcome<StoredDocument<T>> outcome, HttpResponse response, Func<T, string> location) =>
        outcome.ToResult(stored =>
        {
            response.Headers.ETag = stored.ETag;
            return TypedResults.Created(location(stored.Document), stored.Document);
        });
}
