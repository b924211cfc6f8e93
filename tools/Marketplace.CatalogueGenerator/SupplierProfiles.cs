namespace Marketplace.CatalogueGenerator;

/// <summary>A kind of supplier: what it sells, which associations it joins, what it attests to at organisation level.</summary>
internal sealed record SupplierProfile
{
    public required string Name { get; init; }
    public required string[] Categories { get; init; }
    public required string[] NameCores { get; init; }
    public required string Summary { get; init; }

    /// <summary>Always joined.</summary>
    public required string[] CoreMemberships { get; init; }

    /// <summary>Joined by chance, up to three memberships in all.</summary>
    public required string[] OptionalMemberships { get; init; }

    public required string[] OrganisationStandards { get; init; }

    /// <summary>Relative catalogue size: device makers list many products, consultancies few services.</summary>
    public required double Size { get; init; }
}

internal static class SupplierProfiles
{
    public static readonly SupplierProfile TelecareDevices = new()
    {
        Size = 1.5,
        Name = "telecare-devices",
        Categories =
        [
            "home-alarm-hub", "pendant-alarm", "fall-detector", "bed-chair-occupancy-sensor", "movement-sensor", "door-exit-sensor",
            "epilepsy-seizure-sensor", "smoke-heat-co-flood-detector", "temperature-extremes-sensor", "medication-dispenser", "gps-mobile-alarm",
            "activity-monitoring", "big-button-phone",
        ],
        NameCores = ["Careline Systems", "Telecare Technologies", "Safe Home Devices", "Alarm Technologies", "Assistive Technology", "Home Safety Systems", "Sensor Technologies", "Careguard Electronics"],
        Summary = "Designs and supplies digital telecare: home alarm hubs, wearable alarms, fall detectors and home sensors",
        CoreMemberships = [Associations.Tsa],
        OptionalMemberships = [Associations.TechUk, Associations.Regional],
        OrganisationStandards = ["CYBER-ESSENTIALS", "CYBER-ESSENTIALS-PLUS", "ISO27001", "ICO-REG"],
    };

    public static readonly SupplierProfile AlarmMonitoring = new()
    {
        Size = 0.8,
        Name = "alarm-monitoring",
        Categories = ["alarm-receiving-centre", "responder-service", "installation-and-maintenance"],
        NameCores = ["Careline Services", "Community Alarms", "Monitoring Services", "Telecare Response", "Carecall", "Lifeguard Response"],
        Summary = "Runs a 24/7 alarm receiving centre with responder, installation and maintenance services",
        CoreMemberships = [Associations.Tsa],
        OptionalMemberships = [Associations.TechUk, Associations.Regional],
        OrganisationStandards = ["TSA-QSF", "DSPT", "CYBER-ESSENTIALS-PLUS", "ISO27001", "ICO-REG"],
    };

    public static readonly SupplierProfile TelehealthDevices = new()
    {
        Size = 1.0,
        Name = "telehealth-devices",
        Categories = ["vital-signs-hub", "blood-pressure-monitor", "pulse-oximeter", "weighing-scales", "glucose-meter"],
        NameCores = ["Medical Devices", "Diagnostics", "Health Devices", "Medtech", "Vital Signs"],
        Summary = "Manufactures connected medical devices for home monitoring of long-term conditions",
        CoreMemberships = [Associations.Abhi],
        OptionalMemberships = [Associations.Medilink, Associations.TechUk],
        OrganisationStandards = ["ISO13485", "CYBER-ESSENTIALS", "ICO-REG"],
    };

    public static readonly SupplierProfile TelehealthPlatform = new()
    {
        Size = 1.0,
        Name = "telehealth-platform",
        Categories = ["remote-monitoring-platform", "video-consultation", "vital-signs-hub", "clinical-triage-service"],
        NameCores = ["Digital Health", "Health Informatics", "Remote Care", "Connected Care", "Virtual Care"],
        Summary = "Builds remote monitoring and virtual-ward software for NHS clinical teams",
        CoreMemberships = [Associations.TechUk],
        OptionalMemberships = [Associations.Medilink, Associations.Abhi, Associations.Regional],
        OrganisationStandards = ["DSPT", "CYBER-ESSENTIALS-PLUS", "ISO27001", "ICO-REG", "CQC"],
    };

    public static readonly SupplierProfile Telecoaching = new()
    {
        Size = 0.6,
        Name = "telecoaching",
        Categories = ["self-management-coaching", "smoking-cessation", "rehabilitation-coaching", "video-consultation"],
        NameCores = ["Health Coaching", "Wellbeing", "Self-Care", "Recovery", "Lifestyle Health"],
        Summary = "Provides telephone and video coaching for people with long-term conditions",
        CoreMemberships = [Associations.TechUk],
        OptionalMemberships = [Associations.Regional, Associations.Medilink],
        OrganisationStandards = ["DSPT", "CYBER-ESSENTIALS", "ICO-REG", "CQC"],
    };

    public static readonly SupplierProfile ManagedService = new()
    {
        Size = 0.7,
        Name = "managed-service",
        Categories = ["managed-service", "clinical-triage-service", "alarm-receiving-centre", "installation-and-maintenance", "consultancy"],
        NameCores = ["Integrated Care Services", "TEC Partnership", "Care Technology Services", "Healthcare Solutions"],
        Summary = "Delivers end-to-end managed telehealth and telecare services for a monthly fee plus an outcome reward",
        CoreMemberships = [Associations.Tsa, Associations.TechUk],
        OptionalMemberships = [Associations.Abhi, Associations.Regional],
        OrganisationStandards = ["TSA-QSF", "DSPT", "CYBER-ESSENTIALS-PLUS", "CQC", "ISO27001"],
    };

    public static readonly SupplierProfile Consultancy = new()
    {
        Size = 0.35,
        Name = "consultancy",
        Categories = ["consultancy"],
        NameCores = ["TEC Consulting", "Care Technology Advisory", "Digital Care Consulting"],
        Summary = "Advises commissioners on technology-enabled care, the digital switchover and service evaluation",
        CoreMemberships = [Associations.TechUk],
        OptionalMemberships = [Associations.Tsa, Associations.Regional],
        OrganisationStandards = ["CYBER-ESSENTIALS", "ICO-REG", "ISO27001"],
    };

    /// <summary>Repeating mix of suppliers: 7 telecare device makers, 3 alarm centres, 3 device makers, 3 platforms, 2 coaching, 1 managed service, 1 consultancy.</summary>
    public static readonly SupplierProfile[] Cycle =
    [
        TelecareDevices, AlarmMonitoring, TelehealthPlatform, TelecareDevices, TelehealthDevices, Telecoaching, TelecareDevices,
        ManagedService, AlarmMonitoring, TelecareDevices, TelehealthPlatform, TelehealthDevices, TelecareDevices, Consultancy,
        AlarmMonitoring, TelecareDevices, TelehealthPlatform, Telecoaching, TelehealthDevices, TelecareDevices,
    ];
}

internal static class Names
{
    public static readonly string[] Places =
    [
        "Pennine", "Mercia", "Solent", "Wessex", "Cheviot", "Tamar", "Severn", "Humber", "Chiltern", "Cotswold", "Fenland", "Dales",
        "Lakeland", "Ribble", "Tyne", "Wear", "Trent", "Medway", "Ouse", "Kennet", "Mendip", "Quantock", "Exe", "Dart", "Malvern",
        "Wrekin", "Peak", "Calder", "Aire", "Wharfe", "Eden", "Tweed", "Clyde", "Forth", "Tay", "Dee", "Usk", "Teifi", "Conwy",
        "Lagan", "Mourne", "Erne", "Bann", "Sperrin", "Thames", "Lea", "Colne", "Stour", "Avon", "Brecon", "Gower", "Marches",
        "Weald", "Downs", "Purbeck", "Portland", "Lizard", "Bodmin", "Exmoor", "Cleveland", "Wolds", "Furness", "Solway", "Ochil",
        "Grampian", "Moray", "Tees", "Derwent", "Nene", "Welland", "Orwell", "Deben", "Waveney", "Yare", "Arun", "Adur", "Rother",
        "Wey", "Cherwell", "Windrush",
    ];

    public static readonly string[] FirstNames =
    [
        "Aisha", "Alastair", "Amrit", "Bethan", "Callum", "Chloe", "Dafydd", "Deepa", "Eilidh", "Emeka", "Fiona", "Gareth", "Grace",
        "Hamza", "Harriet", "Imran", "Isla", "James", "Joanne", "Kwame", "Laura", "Liam", "Mairead", "Marcus", "Megan", "Niamh",
        "Oliver", "Priya", "Rhys", "Ruth", "Samir", "Sarah", "Siobhan", "Tariq", "Tom", "Yasmin", "Zoe", "Ciaran", "Hannah", "Owen",
    ];

    public static readonly string[] Surnames =
    [
        "Ahmed", "Baxter", "Begum", "Campbell", "Chowdhury", "Davies", "Doherty", "Evans", "Fraser", "Gallagher", "Green", "Hughes",
        "Iqbal", "Jones", "Kaur", "Kelly", "Khan", "Lewis", "MacLeod", "McCann", "Morgan", "Murray", "Nwosu", "O'Neill", "Okafor",
        "Patel", "Price", "Quinn", "Reid", "Roberts", "Shah", "Singh", "Smith", "Stewart", "Taylor", "Thomas", "Walker", "Watson",
        "Williams", "Wilson",
    ];
}
