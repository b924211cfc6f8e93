using System.Diagnostics.CodeAnalysis;

namespace Marketplace.Core.Outcomes;

/// <summary>What a use case returns: its value, or the <see cref="Failure"/> that stopped it.</summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, Failure? failure) => (Value, Failure) = (value, failure);

    /// <summary>The value; default when the use case failed.</summary>
    public T? Value { get; }

    /// <summary>Why the use case refused; null on success.</summary>
    public Failure? Failure { get; }

    /// <summary>Whether it succeeded; then <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    /// <summary>Success.</summary>
    public static implicit operator Outcome<T>(T value) => new(value, null);

    /// <summary>Refusal.</summary>
    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);

    /// <summary>The value passed through <paramref name="next"/>, or this refusal unchanged.</summary>
    public Outcome<TNext> Then<TNext>(Func<T, TNext> next) => Succeeded ? next(Value) : Failure;
}

/// <summary>Helpers where C# cannot infer an outcome's type.</summary>
public static class Outcome
{
    /// <summary>Success with <paramref name="value"/> (useful in a conditional beside a <see cref="Failure"/>).</summary>
    public static Outcome<T> Of<T>(T value) => value;
}
