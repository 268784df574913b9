using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Mailseal.Core.Administration;
using Mailseal.Core.Branding;

namespace Mailseal.Cli.Commands;

/// <summary>`mailseal config get|new|set|remove`: the OME configurations (branding templates), with Exchange's rules.</summary>
internal static class ConfigCommand
{
    public static Command Build(CliConsole console)
    {
        var config = new Command("config", "Branding templates (Get/New/Set/Remove-OMEConfiguration): texts and logo of the wrapper mail and portal.");
        config.Subcommands.Add(Get(console));
        config.Subcommands.Add(New(console));
        config.Subcommands.Add(Set(console));
        config.Subcommands.Add(Remove(console));
        return config;
    }

    private static Command Get(CliConsole console)
    {
        Option<string?> identity = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("get", "Show one template, or all of them; a missing text or image is the default.", async (parse, admin, _, ct) =>
        {
            IReadOnlyList<OmeConfigurationResult> templates = parse.GetValue(identity) is { } name
                ? [await admin.GetOmeConfigurationAsync(name, ct)]
                : await admin.ListOmeConfigurationsAsync(ct);
            Write(console, templates, parse.GetValue(json));
        });
        identity = command.With(new Option<string?>("--identity") { Description = "The template; default: all." });
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command New(CliConsole console)
    {
        TextOptions texts = null!;
        Option<string?> image = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("new", "Create a template; texts and logo left out are the defaults.", async (parse, admin, actor, ct) =>
        {
            var created = await admin.NewOmeConfigurationAsync(new NewOmeConfigurationRequest
            {
                Identity = parse.GetValue(texts.Identity)!,
                EmailText = parse.GetValue(texts.EmailText),
                DisclaimerText = parse.GetValue(texts.DisclaimerText),
                PortalText = parse.GetValue(texts.PortalText),
                Image = await ReadImageAsync(parse.GetValue(image), ct),
            }, actor, ct);
            Write(console, [created], parse.GetValue(json));
        });
        texts = TextOptions.AddTo(command, identityRequired: true);
        image = command.With(ImageOption());
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command Set(CliConsole console)
    {
        TextOptions texts = null!;
        Option<string?> image = null!;
        Option<bool> clearImage = null!;
        Option<bool> json = null!;
        var command = AdminCommand.Create("set", "Change a template: \"\" reverts a text to the default, --clear-image the logo.", async (parse, admin, actor, ct) =>
        {
            var imagePath = parse.GetValue(image);
            var clear = parse.GetValue(clearImage);
            if (imagePath is not null && clear)
            {
                throw new ArgumentException("Give --image or --clear-image, not both.");
            }

            var updated = await admin.SetOmeConfigurationAsync(parse.GetValue(texts.Identity)!, new SetOmeConfigurationRequest
            {
                EmailText = parse.GetValue(texts.EmailText),
                DisclaimerText = parse.GetValue(texts.DisclaimerText),
                PortalText = parse.GetValue(texts.PortalText),
                ImageSpecified = imagePath is not null || clear,
                Image = await ReadImageAsync(imagePath, ct),
            }, actor, ct);
            Write(console, [updated], parse.GetValue(json));
        });
        texts = TextOptions.AddTo(command, identityRequired: false);
        image = command.With(ImageOption());
        clearImage = command.With(new Option<bool>("--clear-image") { Description = "Revert to the default logo (Exchange: -Image $null)." });
        json = command.With(CliOptions.Json());
        return command;
    }

    private static Command Remove(CliConsole console)
    {
        Option<string> identity = null!;
        var command = AdminCommand.Create("remove", "Remove a template (not the default one: revert it with set).", async (parse, admin, actor, ct) =>
        {
            await admin.RemoveOmeConfigurationAsync(parse.GetValue(identity)!, actor, ct);
            console.Output.WriteLine($"removed OME configuration \"{parse.GetValue(identity)}\"");
        });
        identity = command.With(new Option<string>("--identity") { Description = "The template.", Required = true });
        return command;
    }

    private static Option<string?> ImageOption() => new("--image")
    {
        Description = "A png, jpg, bmp or tiff logo file (at most 1 MB, 2000×2000 pixels).",
    };

    private static async Task<byte[]?> ReadImageAsync(string? path, CancellationToken ct)
    {
        if (path is null)
        {
            return null;
        }

        var info = new FileInfo(path);
        if (info.Exists && info.Length > OmeConfigurationLimits.ImageMaxBytes)
        {
            throw new AdminValidationException("Image", OmeConfigurationValidator.ImageLimitDescription);
        }

        return await File.ReadAllBytesAsync(path, ct);
    }

    private static void Write(CliConsole console, IReadOnlyList<OmeConfigurationResult> templates, bool json)
    {
        if (json)
        {
            CliJson.Write(console.Output, templates);
            return;
        }

        TextTable.Write(console.Output, ["IDENTITY", "EMAIL TEXT", "DISCLAIMER TEXT", "PORTAL TEXT", "IMAGE"], templates.Select(t => new[]
        {
            t.Identity, Shown(t.EmailText), Shown(t.DisclaimerText), Shown(t.PortalText),
            t.Image is null ? "(default)" : string.Create(CultureInfo.InvariantCulture, $"png, {t.Image.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(t.Image))[..12]}"),
        }).ToList());
    }

    /// <summary>A text on one table line: line breaks shown as ⏎, long ones shortened.</summary>
    private static string Shown(string? text) => text is null ? "(default)"
        : text.ReplaceLineEndings("⏎") is var line && line.Length > 40 ? line[..39] + "…" : line;

    /// <summary>The identity and the three texts, as set and new spell them.</summary>
    private sealed record TextOptions(Option<string?> Identity, Option<string?> EmailText, Option<string?> DisclaimerText, Option<string?> PortalText)
    {
        public static TextOptions AddTo(Command command, bool identityRequired) => new(
            command.With(new Option<string?>("--identity")
            {
                Description = identityRequired ? "The template's name." : $"The template; default: \"{OmeConfiguration.DefaultIdentity}\".",
                Required = identityRequired,
                DefaultValueFactory = identityRequired ? null! : _ => OmeConfiguration.DefaultIdentity,
            }),
            command.With(new Option<string?>("--email-text") { Description = $"Intro of the wrapper mail (≤ {OmeConfigurationLimits.EmailTextMaxLength}); \"\" reverts." }),
            command.With(new Option<string?>("--disclaimer-text") { Description = $"Disclaimer (≤ {OmeConfigurationLimits.DisclaimerTextMaxLength}); \"\" reverts." }),
            command.With(new Option<string?>("--portal-text") { Description = $"Portal text (≤ {OmeConfigurationLimits.PortalTextMaxLength}); \"\" reverts." }));
    }
}
